/**
 * The AP controller: the inventory of access points, their heartbeats, probes and RADIUS view, the health states
 * judged from them, alerts and history. {@link io.steppe.controller.ControllerService} wires it; {@code ops} starts it.
 */
package io.steppe.controller;
