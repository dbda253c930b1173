/**
 * What the RADIUS server does between a datagram and its reply, without sockets: the structural checks, the
 * gateway directory and its secrets, the BlastRADIUS guard, the duplicate cache (RFC 5080), and the dispatcher
 * that decodes with {@link io.steppe.radius.packet}, asks the policy (from memory on the event loop, or on a
 * bounded pool of workers when the database is needed), hands accounting to the group-commit writer and
 * encodes the reply. Nothing here imports Netty's channel API: the listeners are in
 * {@link io.steppe.radius.transport}.
 */
package io.steppe.radius.server;
