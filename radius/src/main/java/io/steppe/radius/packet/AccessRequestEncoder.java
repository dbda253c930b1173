package io.steppe.radius.packet;

import java.security.MessageDigest;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;

/**
 * Encodes Access-Requests (RFC 2865 §4.1) and Status-Server requests (RFC 5997 §3): a random Request
 * Authenticator, then what depends on it, in place in the {@link AttributeWriter}'s array: User-Password
 * hidden (§5.2) or CHAP-Password answered with the Request Authenticator as challenge (§5.3), and
 * Message-Authenticator signed last (RFC 3579 §3.2). Holds its digests and its keyed HMAC, so that a load
 * generator encodes without allocating; not thread-safe: one per thread.
 */
public final class AccessRequestEncoder {

    private final byte[] secret;
    private final RandomGenerator random;
    private final MessageDigest md5 = Digests.md5();
    private final Mac hmac;

    /** @param random where Request Authenticators come from: a {@code SecureRandom} unless packets must be reproducible */
    public AccessRequestEncoder(byte[] secret, RandomGenerator random) {
        this.secret = secret.clone();
        this.random = random;
        this.hmac = Digests.hmacMd5(secret);
    }

    /** Completes the Access-Request written in {@code attributes}; its length. */
    public int encode(int identifier, AttributeWriter attributes) {
        return encode(PacketCode.ACCESS_REQUEST, identifier, attributes);
    }

    /**
     * Completes the request written in {@code attributes}; its length.
     *
     * @param code Access-Request or Status-Server
     */
    public int encode(PacketCode code, int identifier, AttributeWriter attributes) {
        if (code != PacketCode.ACCESS_REQUEST && code != PacketCode.STATUS_SERVER) {
            throw new IllegalArgumentException(code + " does not take a random Request Authenticator");
        }
        int length = attributes.header(code, identifier);
        byte[] packet = attributes.array();
        long high = random.nextLong();
        long low = random.nextLong();
        AttributeWriter.putInt(packet, 4, high >>> 32);
        AttributeWriter.putInt(packet, 8, high);
        AttributeWriter.putInt(packet, 12, low >>> 32);
        AttributeWriter.putInt(packet, 16, low);
        int password = attributes.passwordOffset();
        if (password >= 0 && packet[password] == Attributes.USER_PASSWORD) {
            UserPassword.hide(md5, secret, packet, password + 2, (packet[password + 1] & 0xff) - 2, attributes.clearPassword());
        } else if (password >= 0) {
            packet[password + 2] = (byte) identifier;
            Chap.respond(md5, (byte) identifier, attributes.clearPassword(), packet, 4, 16, packet, password + 3);
        }
        int messageAuthenticator = attributes.messageAuthenticatorOffset();
        if (messageAuthenticator >= 0) {
            MessageAuthenticator.sign(hmac, packet, length, messageAuthenticator);
        }
        return length;
    }
}
