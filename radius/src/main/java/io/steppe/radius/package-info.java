/**
 * Steppe's RADIUS side: the gateways (NAS) allowed to talk to it and, as later capabilities arrive, the
 * Netty server for authentication, accounting, CoA/Disconnect and RadSec. Protocol and policy code stays
 * apart from the I/O code.
 */
package io.steppe.radius;
