/**
 * The controller on the API listener: heartbeats (authenticated by each AP's token), the AP inventory with states
 * and history (also as CSV and GeoJSON), alerts and the per-gateway view as JSON, and the operators' console pages
 * for APs and alerts: templates in {@code src/main/jte} (inline SVG map and chart, no external assets) rendered from
 * models built here in the reader's words (the bundle {@code io/steppe/controller/console*.properties}), in the
 * console's layout; their changing content is also served alone ({@code ?part=live}) for the console's live script.
 * A refusal is a domain exception ({@code UnknownAp}, {@code UnknownAlert}, {@code BadControllerRequest},
 * {@code HeartbeatRejected}) that its own
 * {@code ExceptionHandler} answers as {@code {"error": "…"}}, so that the controllers hold no error bodies.
 */
package io.steppe.controller.web;
