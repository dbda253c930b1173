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
                new SessionGrant(600, 300, 2_048_000, 8_192_000)), request, SECRET, Vendor.GENERIC);
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
    void huaweiAndH3cAcsAreGivenTheRateInTheirOwnAttributes() {
        // Vendor-Specific (26), length 12, the vendor's number, its attribute 2 (input: the user's upload) or 5
        // (output), length 6, the rate in bit/s: 2,048,000 = 0x1F4000 up, 8,192,000 = 0x7D0000 down.
        String huawei = "1a 0c 00 00 07 db 02 06 00 1f 40 00 1a 0c 00 00 07 db 05 06 00 7d 00 00";
        String h3c = "1a 0c 00 00 63 a2 02 06 00 1f 40 00 1a 0c 00 00 63 a2 05 06 00 7d 00 00";
        for (var expected : java.util.Map.of(Vendor.HUAWEI, huawei, Vendor.H3C, h3c).entrySet()) {
            byte[] reply = AccessReplyEncoder.encode(new AuthDecision.Accept(42, 1800, 1L << 30,
                    new SessionGrant(600, 300, 2_048_000, 8_192_000)), request, SECRET, expected.getKey());
            assertEquals(expected.getValue(), Hex.hex(java.util.Arrays.copyOfRange(reply, reply.length - 24 - 5, reply.length - 5)));
            assertEquals(PacketCode.ACCESS_ACCEPT, value(new ReplyDecoder().decode(reply, request, SECRET)).code());
        }
    }

    @Test
    void aRejectCarriesOnlyItsMessageInTheUsersLanguage() {
        byte[] reply = AccessReplyEncoder.encode(new AuthDecision.Reject(RejectReason.UNKNOWN_USER, "en"), request, SECRET, Vendor.HUAWEI);
        Reply decoded = value(new ReplyDecoder().decode(reply, request, SECRET));
        assertEquals(PacketCode.ACCESS_REJECT, decoded.code());
        assertEquals(RejectReason.UNKNOWN_USER.message("en"), decoded.attributes().text(Attributes.REPLY_MESSAGE).orElseThrow());
        assertEquals(20 + 18 + 2 + RejectReason.UNKNOWN_USER.message("en").getBytes(StandardCharsets.UTF_8).length + 5, reply.length);
    }
}
