/**
 * {@code steppe bench}: load generators that measure Steppe and its peers (FreeRADIUS) on loopback. The RADIUS
 * generator encodes its own requests (RFC 2865, 2866, 3579) and runs on one Netty event loop so that it costs
 * less CPU per request than the server it measures, which radclient does not. It only ever sends to loopback.
 */
package io.steppe.bench;
