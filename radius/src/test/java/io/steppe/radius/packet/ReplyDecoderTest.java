package io.steppe.radius.packet;

import static io.steppe.radius.packet.Decodes.reason;
import static io.steppe.radius.packet.Decodes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplyDecoderTest {

    static final byte[] SECRET = "testing123".getBytes(StandardCharsets.UTF_8);

    final ReplyDecoder decoder = new ReplyDecoder();
    final byte[] request = request(PacketCode.ACCESS_REQUEST, 7);

    static byte[] request(PacketCode code, int identifier) {
        AttributeWriter attributes = new AttributeWriter().messageAuthenticator().text(Attributes.USER_NAME, "bob")
                .octets(Attributes.PROXY_STATE, new byte[] {1, 2, 3});
        new AccessRequestEncoder(SECRET, new SplittableRandom(identifier)).encode(code, identifier, attributes);
        return attributes.toByteArray();
    }

    byte[] accept() {
        return ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, request, new AttributeWriter().messageAuthenticator()
                .integer(Attributes.SESSION_TIMEOUT, 3600).proxyStates(request), SECRET);
    }

    @Test
    void anAcceptRoundTripsWithItsAttributes() {
        Reply reply = value(decoder.decode(accept(), request, SECRET));
        assertEquals(PacketCode.ACCESS_ACCEPT, reply.code());
        assertEquals(3600L, reply.attributes().integer(Attributes.SESSION_TIMEOUT).orElseThrow());
        assertEquals("[1, 2, 3]", Arrays.toString(reply.attributes().bytes(Attributes.PROXY_STATE).orElseThrow()));
    }

    @Test
    void aReplyToAnotherRequestOrUnderAnotherSecretIsNoAnswer() {
        assertEquals(DropReason.BAD_AUTHENTICATOR, reason(decoder.decode(accept(), request, "other".getBytes(StandardCharsets.UTF_8))));
        byte[] sameIdentifierOtherAuthenticator = request.clone();
        sameIdentifierOtherAuthenticator[4] ^= 1;
        assertEquals(DropReason.BAD_AUTHENTICATOR, reason(decoder.decode(accept(), sameIdentifierOtherAuthenticator, SECRET)));
        assertEquals(DropReason.BAD_AUTHENTICATOR, reason(decoder.decode(accept(), request(PacketCode.ACCESS_REQUEST, 8), SECRET)));
        byte[] accounting = ReplyEncoder.encode(PacketCode.ACCOUNTING_RESPONSE, request, new AttributeWriter(), SECRET);
        assertEquals(DropReason.UNEXPECTED_CODE, reason(decoder.decode(accounting, request, SECRET)));
    }

    @Test
    void aForgedMessageAuthenticatorIsCaughtEvenUnderAGoodResponseAuthenticator() {
        byte[] reply = accept();
        reply[25] ^= 1; // inside Message-Authenticator's value
        ResponseAuthenticator.sign(Digests.md5(), withRequestAuthenticator(reply), reply.length, SECRET);
        assertEquals(DropReason.BAD_AUTHENTICATOR, reason(decoder.decode(reply, request, SECRET)));
    }

    @Test
    void malformedRepliesAreDroppedAsMalformedNeverThrown() {
        byte[] reply = accept();
        for (int length = 0; length < reply.length; length++) {
            assertEquals(DropReason.MALFORMED_LENGTH, Decodes.reasonWithoutException(decoder.decode(Arrays.copyOf(reply, length), request,
                    SECRET)));
        }
        byte[] broken = reply.clone();
        broken[39] = 0; // Session-Timeout's length, after Message-Authenticator
        ResponseAuthenticator.sign(Digests.md5(), withRequestAuthenticator(broken), broken.length, SECRET);
        assertEquals(DropReason.MALFORMED_ATTRIBUTE, Decodes.reasonWithoutException(decoder.decode(broken, request, SECRET)));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5_000; i++) {
            byte[] mangled = reply.clone();
            mangled[random.nextInt(mangled.length)] = (byte) random.nextInt(256);
            Decoded<Reply> decoded = decoder.decode(mangled, request, SECRET);
            if (decoded instanceof Decoded.Dropped<Reply>) {
                Decodes.reasonWithoutException(decoded);
            }
        }
    }

    @Test
    void verifyChecksTheResponseAuthenticatorAgainstAnyRequestAuthenticatorInASlotTable() {
        byte[] reply = accept();
        byte[] slots = new byte[32];
        System.arraycopy(request, 4, slots, 16, 16);
        assertTrue(decoder.verify(reply, reply.length, slots, 16, SECRET));
        assertFalse(decoder.verify(reply, reply.length, slots, 0, SECRET), "a stale reply to an earlier request");
        assertFalse(decoder.verify(reply, reply.length, slots, 16, "other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachReplyCodeAnswersItsKindOfRequest() {
        assertTrue(PacketCode.ACCESS_CHALLENGE.answers(PacketCode.ACCESS_REQUEST));
        assertTrue(PacketCode.ACCOUNTING_RESPONSE.answers(PacketCode.STATUS_SERVER));
        assertTrue(PacketCode.DISCONNECT_NAK.answers(PacketCode.DISCONNECT_REQUEST));
        assertFalse(PacketCode.COA_ACK.answers(PacketCode.DISCONNECT_REQUEST));
        assertFalse(PacketCode.ACCESS_REQUEST.answers(PacketCode.ACCESS_REQUEST));
        assertEquals(Optional.empty(), PacketCode.of(99));
    }

    /** The reply as it was before its Response Authenticator was computed, for re-signing after a change. */
    private byte[] withRequestAuthenticator(byte[] reply) {
        System.arraycopy(request, 4, reply, 4, 16);
        return reply;
    }
}
