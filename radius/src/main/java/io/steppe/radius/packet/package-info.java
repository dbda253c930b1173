/**
 * RADIUS on the wire, without I/O: packet codes, the checks every datagram passes before it is decoded,
 * Message-Authenticator (RFC 3579, placed first in replies against BlastRADIUS), reply encoding and the
 * dictionaries. Nothing here imports Netty's channel API.
 */
package io.steppe.radius.packet;
