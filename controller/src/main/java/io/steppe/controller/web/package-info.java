/**
 * The controller on the API listener: heartbeats (authenticated by each AP's token), the AP inventory with states
 * and history, alerts and the per-gateway view as JSON, and the operators' console pages for APs: templates in
 * {@code src/main/jte} (inline SVG map and chart, no external assets) rendered from models built here, in the
 * console's layout, with scripts that are files in {@code src/main/resources/console/assets/aps}. A refusal is a
 * domain exception ({@code UnknownAp}, {@code BadControllerRequest}, {@code HeartbeatRejected}) that its own
 * {@code ExceptionHandler} answers as {@code {"error": "…"}}, so that the controllers hold no error bodies.
 */
package io.steppe.controller.web;
