/**
 * The captive portal: what a phone sees after joining the free SSID. Every controller in this package
 * and below is served on the portal listener (port 8080) and only there; nothing else is.
 */
package io.steppe.portal;
