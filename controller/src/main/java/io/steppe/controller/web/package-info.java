/**
 * The controller on the API listener: heartbeats (authenticated by each AP's token), the AP inventory with states
 * and history, alerts and the per-gateway view as JSON, and the operators' console pages for APs (inline SVG map
 * and charts, no external assets). A refusal is a domain exception ({@code UnknownAp},
 * {@code BadControllerRequest}, {@code HeartbeatRejected}) that its own {@code ExceptionHandler} answers as
 * {@code {"error": "…"}}, so that the controllers hold no error bodies.
 */
package io.steppe.controller.web;
