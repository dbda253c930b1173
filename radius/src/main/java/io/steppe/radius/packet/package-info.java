/**
 * RADIUS on the wire, without I/O: the one codec every part of Steppe uses, the server, the CoA client, the
 * load generator and the simulators alike, and the messages it carries as values: an
 * {@link io.steppe.radius.packet.AccessAttempt} with its {@link io.steppe.radius.packet.Credential}, the
 * {@link io.steppe.radius.packet.AuthDecision} answered to it, an {@link io.steppe.radius.packet.AccountingRecord}.
 * The policy ({@code auth}) and {@code accounting} import those; nothing here imports them, so the codec is read
 * and tested alone. Decoders turn a request's octets into those values
 * ({@link io.steppe.radius.packet.AccessRequestDecoder}, {@link io.steppe.radius.packet.AccountingRequestDecoder})
 * and a reply's into a {@link io.steppe.radius.packet.Reply}
 * for clients ({@link io.steppe.radius.packet.ReplyDecoder}); a malformed or forged packet decodes to a
 * {@link io.steppe.radius.packet.DropReason}, never an exception. Encoders write requests, replies and
 * CoA/Disconnect-Requests through one {@link io.steppe.radius.packet.AttributeWriter}. The protocol's
 * cryptography lives here once: Request, Response and accounting authenticators, User-Password hiding, CHAP,
 * and Message-Authenticator (RFC 3579, placed first in replies against BlastRADIUS). Packets are byte arrays
 * the codec reads in place; nothing here imports Netty.
 */
package io.steppe.radius.packet;
