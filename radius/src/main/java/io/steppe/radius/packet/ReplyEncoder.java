package io.steppe.radius.packet;

/**
 * Encodes replies: the header with the request's identifier, the attributes (Message-Authenticator first
 * where the caller wrote it first, as FreeRADIUS 3.2.5 does against BlastRADIUS; tinyradius puts it last),
 * Message-Authenticator signed over the Request Authenticator (RFC 3579 §3.2), then the Response
 * Authenticator MD5(Code+ID+Length+RequestAuth+Attributes+Secret) of RFC 2865 §3. The reply is the writer's
 * own array when the writer was sized exactly, a copy otherwise: either way the writer is done with. Thread-safe:
 * it is called from event loops and workers alike.
 */
public final class ReplyEncoder {

    private ReplyEncoder() {
    }

    /**
     * The reply of {@code code} to {@code request}, carrying {@code attributes}.
     *
     * @param request the request's octets, of which the identifier and the Request Authenticator are used
     */
    public static byte[] encode(PacketCode code, byte[] request, AttributeWriter attributes, byte[] secret) {
        if (attributes.passwordOffset() >= 0) {
            throw new IllegalArgumentException("a reply carries no password");
        }
        int length = attributes.header(code, request[1] & 0xff);
        byte[] out = attributes.array();
        System.arraycopy(request, 4, out, 4, 16);
        int messageAuthenticator = attributes.messageAuthenticatorOffset();
        if (messageAuthenticator >= 0) {
            MessageAuthenticator.sign(Digests.hmacMd5(secret), out, length, messageAuthenticator);
        }
        ResponseAuthenticator.sign(Digests.md5(), out, length, secret);
        return out.length == length ? out : attributes.toByteArray();
    }

    /**
     * The Accounting-Response to {@code request} (RFC 2866 §4.2), which has passed {@link DatagramCheck}: its
     * Proxy-States and nothing else, written into an array of exactly the reply's size, as accounting answers
     * every request.
     */
    public static byte[] accountingResponse(byte[] request, byte[] secret) {
        int length = DatagramCheck.HEADER_LENGTH;
        int end = DatagramCheck.packetLength(request);
        for (int offset = DatagramCheck.HEADER_LENGTH; offset < end; offset += request[offset + 1] & 0xff) {
            if ((request[offset] & 0xff) == Attributes.PROXY_STATE) {
                length += request[offset + 1] & 0xff;
            }
        }
        return encode(PacketCode.ACCOUNTING_RESPONSE, request, new AttributeWriter(length).proxyStates(request), secret);
    }
}
