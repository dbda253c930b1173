package io.steppe.radius.packet;

import static io.steppe.radius.packet.Decodes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccessReplyEncoderTest {

    static final byte[] SECRET = ReplyDecoderTest.SECRET;

    final byte[] request = ReplyDecoderTest.request(PacketCode.ACCESS_REQUEST, 5);

    @Test
    void anAcceptCarriesTheGrantInEveryDialectAndTheClassOfItsSubscriber() {
        long remaining = 5L << 32 | 7;
        byte[] reply = AccessReplyEncoder.encode(new AuthDecision.Accept(42, 1800, remaining,
                new SessionGrant(600, 300, 2_048_000, 8_192_000)), request, SECRET);
        Reply decoded = value(new ReplyDecoder().decode(reply, request, SECRET));
        assertEquals(PacketCode.ACCESS_ACCEPT, decoded.code());
        assertEquals(Attributes.MESSAGE_AUTHENTICATOR, reply[20], "Message-Authenticator first");
        assertEquals(1800L, decoded.attributes().integer(Attributes.SESSION_TIMEOUT).orElseThrow());
        assertEquals(600L, decoded.attributes().integer(Attributes.IDLE_TIMEOUT).orElseThrow());
        assertEquals(300L, decoded.attributes().integer(Attributes.ACCT_INTERIM_INTERVAL).orElseThrow());
        assertEquals("steppe:42", decoded.attributes().text(Attributes.CLASS).orElseThrow());
        String vendorAttributes = Hex.hex(new AttributeWriter()
                .vendorInteger(14122, 7, 2_048_000).vendorInteger(14122, 8, 8_192_000)
                .vendorInteger(14559, 4, 2048).vendorInteger(14559, 5, 8192)
                .vendorInteger(14559, 3, 7).vendorInteger(14559, 23, 5).attributes());
        assertEquals(vendorAttributes, Hex.hex(java.util.Arrays.copyOfRange(reply, reply.length - 72 - 5, reply.length - 5)));
        assertEquals(Attributes.PROXY_STATE, reply[reply.length - 5], "the request's Proxy-State last");
    }

    @Test
    void aRejectCarriesOnlyItsMessageInTheUsersLanguage() {
        byte[] reply = AccessReplyEncoder.encode(new AuthDecision.Reject(RejectReason.UNKNOWN_USER, "en"), request, SECRET);
        Reply decoded = value(new ReplyDecoder().decode(reply, request, SECRET));
        assertEquals(PacketCode.ACCESS_REJECT, decoded.code());
        assertEquals(RejectReason.UNKNOWN_USER.message("en"), decoded.attributes().text(Attributes.REPLY_MESSAGE).orElseThrow());
        assertEquals(20 + 18 + 2 + RejectReason.UNKNOWN_USER.message("en").getBytes(StandardCharsets.UTF_8).length + 5, reply.length);
    }
}
