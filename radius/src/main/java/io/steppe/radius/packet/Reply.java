package io.steppe.radius.packet;

/**
 * A reply as the client that sent the request sees it, once {@link ReplyDecoder} has found it is the answer.
 *
 * @param code       what the peer answered: Access-Accept, Disconnect-NAK…
 * @param attributes its attributes, read in place
 */
public record Reply(PacketCode code, AttributeIndex attributes) {
}
