package io.steppe.radius.packet;

import java.security.MessageDigest;

/**
 * Encodes Accounting-Requests (RFC 2866 §4.1), and Disconnect- and CoA-Requests, whose Request Authenticator
 * RFC 5176 §2.3 computes the same way: MD5 over the packet with 16 zero octets in its place, then the secret.
 * Holds its digest, so that a load generator encodes without allocating; not thread-safe: one per thread.
 */
public final class AccountingRequestEncoder {

    private final byte[] secret;
    private final MessageDigest md5 = Digests.md5();

    public AccountingRequestEncoder(byte[] secret) {
        this.secret = secret.clone();
    }

    /** Completes the Accounting-Request written in {@code attributes}; its length. */
    public int encode(int identifier, AttributeWriter attributes) {
        return encode(PacketCode.ACCOUNTING_REQUEST, identifier, attributes);
    }

    /**
     * Completes the request written in {@code attributes}; its length.
     *
     * @param code Accounting-Request, Disconnect-Request or CoA-Request
     * @throws IllegalArgumentException for another code, or attributes that only an Access-Request carries
     */
    public int encode(PacketCode code, int identifier, AttributeWriter attributes) {
        if (code != PacketCode.ACCOUNTING_REQUEST && code != PacketCode.DISCONNECT_REQUEST && code != PacketCode.COA_REQUEST) {
            throw new IllegalArgumentException(code + " does not take an accounting-style Request Authenticator");
        }
        if (attributes.passwordOffset() >= 0 || attributes.messageAuthenticatorOffset() >= 0) {
            throw new IllegalArgumentException("passwords and Message-Authenticator are for Access-Requests here");
        }
        int length = attributes.header(code, identifier);
        RequestAuthenticator.sign(md5, attributes.array(), length, secret);
        return length;
    }
}
