package io.steppe.radius.packet;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * Decodes replies for Steppe's clients (the CoA client, the load generator, the simulators): a reply is the
 * answer to a request when its code answers the request's, its identifier is the request's and its Response
 * Authenticator is MD5(Code+ID+Length+RequestAuth+Attributes+Secret) (RFC 2865 §3, RFC 2866 §3, RFC 5176
 * §2.3); a Message-Authenticator it carries must verify (RFC 3579 §3.2). Holds its digest, so that
 * {@link #verify} allocates nothing; not thread-safe: one per thread.
 */
public final class ReplyDecoder {

    private final MessageDigest md5 = Digests.md5();
    private final byte[] digest = new byte[16];

    /**
     * Decodes {@code reply} as the answer to {@code request}, which was sent with {@code secret}.
     *
     * @return the reply; or dropped as malformed, as {@link DropReason#UNEXPECTED_CODE} when its code answers another
     *     kind of request, and as {@link DropReason#BAD_AUTHENTICATOR} when it answers another request or another secret
     */
    public Decoded<Reply> decode(byte[] reply, byte[] request, byte[] secret) {
        int length = DatagramCheck.declaredLength(reply, reply.length);
        if (length < 0) {
            return Decoded.dropped(DropReason.MALFORMED_LENGTH, "the header's Length does not fit the datagram");
        }
        Optional<PacketCode> code = PacketCode.of(reply[0] & 0xff);
        Optional<PacketCode> requestCode = PacketCode.of(request[0] & 0xff);
        if (code.isEmpty() || requestCode.isEmpty() || !code.get().answers(requestCode.get())) {
            return Decoded.dropped(DropReason.UNEXPECTED_CODE, "code " + (reply[0] & 0xff) + " does not answer code " + (request[0] & 0xff));
        }
        if (reply[1] != request[1] || !verify(reply, length, request, 4, secret)) {
            return Decoded.dropped(DropReason.BAD_AUTHENTICATOR, "not the answer to this request with this secret");
        }
        AttributeIndex attributes = new AttributeIndex(reply);
        if (!attributes.isSound()) {
            return Decoded.dropped(DropReason.MALFORMED_ATTRIBUTE, "an attribute's length is wrong");
        }
        int messageAuthenticator = DatagramCheck.findAttribute(reply, Attributes.MESSAGE_AUTHENTICATOR);
        if (messageAuthenticator >= 0 && !MessageAuthenticator.verify(reply, length, messageAuthenticator, request, 4, secret)) {
            return Decoded.dropped(DropReason.BAD_AUTHENTICATOR, "Message-Authenticator does not verify");
        }
        return new Decoded.Ok<>(new Reply(code.get(), attributes));
    }

    /**
     * Whether {@code reply[0, length)}, whose Length is {@code length}, answers the request whose Request
     * Authenticator is at {@code requestAuthenticators[offset]}: the Response Authenticator alone, for a client
     * that matched the identifier itself and reads nothing but the code.
     */
    public boolean verify(byte[] reply, int length, byte[] requestAuthenticators, int offset, byte[] secret) {
        return ResponseAuthenticator.verify(md5, reply, length, requestAuthenticators, offset, secret, digest);
    }
}
