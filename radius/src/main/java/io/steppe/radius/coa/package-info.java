/**
 * The Dynamic Authorization client (RFC 5176): Disconnect-Request and CoA-Request sent to a gateway's port
 * 3799 with retries, when a daily allowance runs out, when an operator ends a session and when a user logs
 * out on the portal; every attempt and its outcome is recorded. Packets are encoded and replies checked by
 * {@link io.steppe.radius.packet}; this package keeps the socket, the retries and the matching.
 */
package io.steppe.radius.coa;
