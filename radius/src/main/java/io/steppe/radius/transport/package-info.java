/**
 * The RADIUS server's Netty I/O, and nothing else: the UDP listeners for authentication and accounting (epoll
 * where the platform has it), the RadSec listener (RFC 6614) with its TLS pipeline, their configuration, and
 * the handlers that hand each datagram or frame to {@link io.steppe.radius.server.RequestDispatcher} and write
 * back what it answers. Bytes are decoded and encoded by {@link io.steppe.radius.packet}, decisions made by
 * {@link io.steppe.radius.server}. Beside it, only the CoA client ({@link io.steppe.radius.coa}) has a socket.
 */
package io.steppe.radius.transport;
