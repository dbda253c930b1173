/**
 * {@code steppe bench}: load generators that measure Steppe and its peers (FreeRADIUS) on loopback. The RADIUS
 * generator writes its requests and checks the replies with the server's own codec ({@code io.steppe.radius.packet}),
 * reusing its arrays and digests, and runs on one Netty event loop so that it costs less CPU per request than the
 * server it measures, which radclient does not. It only ever sends to loopback.
 */
package io.steppe.bench;
