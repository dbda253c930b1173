/**
 * The controller on the API listener: heartbeats (authenticated by each AP's token), the AP inventory with states
 * and history, alerts and the per-gateway view as JSON, and the operators' console pages for APs (inline SVG map
 * and charts, no external assets).
 */
package io.steppe.controller.web;
