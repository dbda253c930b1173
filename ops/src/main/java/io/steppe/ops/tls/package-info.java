/**
 * HTTPS for the API listener and the portal's login forms: the operator's PEM certificate and key, checked once at
 * start-up (a wrong file stops Steppe with a line naming it), then watched, so that a renewed certificate is served
 * to new connections without a restart while a bad replacement leaves the loaded one in place.
 */
package io.steppe.ops.tls;
