/**
 * The AP controller: the inventory of access points and, as its capabilities arrive, their heartbeats,
 * probes, health states and alerts.
 */
package io.steppe.controller;
