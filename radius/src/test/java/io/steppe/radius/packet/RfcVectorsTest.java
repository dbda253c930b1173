package io.steppe.radius.packet;

import static io.steppe.radius.packet.Hex.bytes;
import static io.steppe.radius.packet.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The example packets of RFC 2865 §7 and RFC 5997 §6 (secret {@code xyzzy5461}), decoded and re-encoded. */
class RfcVectorsTest {

    static final String SECRET = RfcPackets.SECRET;
    static final byte[] PAP_REQUEST = RfcPackets.PAP_REQUEST;
    static final byte[] PAP_ACCEPT = RfcPackets.PAP_ACCEPT;
    static final byte[] CHAP_REQUEST = RfcPackets.CHAP_REQUEST;
    static final byte[] CHAP_ACCEPT = RfcPackets.CHAP_ACCEPT;
    static final byte[] STATUS_AUTH = RfcPackets.STATUS_AUTH;
    static final byte[] STATUS_ACCT = RfcPackets.STATUS_ACCT;
    static final byte[] STATUS_ACCT_REPLY = RfcPackets.STATUS_ACCT_REPLY;
    static final byte[] STATUS_AUTH_REPLY_WITHOUT_MA = RfcPackets.STATUS_AUTH_REPLY_WITHOUT_MA;

    @Test
    void papRequestOfRfc2865Section71DecodesToNemoAndArctangent() {
        assertEquals(Optional.empty(), DatagramCheck.problem(PAP_REQUEST, PAP_REQUEST.length));
        AttributeIndex request = new AttributeIndex(PAP_REQUEST);
        assertEquals(Optional.of("nemo"), request.text(Attributes.USER_NAME));
        assertEquals(3L, request.integer(5).orElseThrow(), "NAS-Port");
        byte[] hidden = request.bytes(Attributes.USER_PASSWORD).orElseThrow();
        assertEquals("arctangent", UserPassword.reveal(PAP_REQUEST, 28, hidden.length, SECRET.getBytes()));
    }

    @Test
    void acceptsOfRfc2865AreReproducedByteForByte() {
        byte[] papAccept = ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, PAP_REQUEST,
                new AttributeWriter().integer(6, 1).integer(15, 0).octets(14, bytes("c0 a8 01 03")), SECRET.getBytes());
        assertEquals(hex(PAP_ACCEPT), hex(papAccept));
        byte[] chapAccept = ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, CHAP_REQUEST, new AttributeWriter().integer(6, 2).integer(7, 1)
                .octets(8, bytes("ff ff ff fe")).integer(10, 2).integer(13, 1).integer(12, 1500), SECRET.getBytes());
        assertEquals(hex(CHAP_ACCEPT), hex(chapAccept));
    }

    @Test
    void chapRequestOfRfc2865Section72IsClassifiedAsChap() {
        AttributeIndex request = new AttributeIndex(CHAP_REQUEST);
        assertFalse(request.has(Attributes.USER_PASSWORD));
        Chap chap = Chap.of(request.bytes(Attributes.CHAP_PASSWORD).orElseThrow(), Arrays.copyOfRange(CHAP_REQUEST, 4, 20));
        assertEquals(0x16, chap.ident());
        assertFalse(chap.matches("not-flopsys-password"));
    }

    @Test
    void statusServerOfRfc5997HasAValidMessageAuthenticatorAndIsAnswered() {
        for (byte[] status : List.of(STATUS_AUTH, STATUS_ACCT)) {
            int offset = DatagramCheck.findAttribute(status, Attributes.MESSAGE_AUTHENTICATOR);
            assertTrue(MessageAuthenticator.verify(status, offset, SECRET.getBytes()));
            assertFalse(MessageAuthenticator.verify(status, offset, "wrong".getBytes()));
        }
        assertEquals(hex(STATUS_ACCT_REPLY), hex(ReplyEncoder.encode(PacketCode.ACCOUNTING_RESPONSE, STATUS_ACCT,
                new AttributeWriter(), SECRET.getBytes())));
        assertEquals(hex(STATUS_AUTH_REPLY_WITHOUT_MA), hex(ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, STATUS_AUTH,
                new AttributeWriter(), SECRET.getBytes())));
    }

    @Test
    void everyAccessReplyCarriesMessageAuthenticatorFirstAndItVerifies() {
        byte[] reply = ReplyEncoder.encode(PacketCode.ACCESS_REJECT, PAP_REQUEST,
                new AttributeWriter().messageAuthenticator().text(Attributes.REPLY_MESSAGE, "no"), SECRET.getBytes());
        assertEquals(Attributes.MESSAGE_AUTHENTICATOR, reply[20] & 0xff, "first attribute");
        assertEquals(18, reply[21] & 0xff);
        // A client checks the MA with the Request Authenticator in place of the Response Authenticator.
        byte[] asSigned = reply.clone();
        System.arraycopy(PAP_REQUEST, 4, asSigned, 4, 16);
        assertTrue(MessageAuthenticator.verify(asSigned, 20, SECRET.getBytes()));
        assertTrue(MessageAuthenticator.verify(reply, reply.length, 20, PAP_REQUEST, 4, SECRET.getBytes()), "as a client checks it");
        assertFalse(MessageAuthenticator.verify(reply, reply.length, 20, CHAP_REQUEST, 4, SECRET.getBytes()), "over another request");
    }

    @Test
    void repliesOfRfc2865AndRfc5997AreTheAnswersToTheirRequests() {
        ReplyDecoder decoder = new ReplyDecoder();
        assertEquals(PacketCode.ACCESS_ACCEPT, Decodes.value(decoder.decode(PAP_ACCEPT, PAP_REQUEST, SECRET.getBytes())).code());
        Reply chap = Decodes.value(decoder.decode(CHAP_ACCEPT, CHAP_REQUEST, SECRET.getBytes()));
        assertEquals(1500L, chap.attributes().integer(12).orElseThrow(), "Framed-MTU");
        assertEquals(PacketCode.ACCOUNTING_RESPONSE, Decodes.value(decoder.decode(STATUS_ACCT_REPLY, STATUS_ACCT, SECRET.getBytes())).code());
        assertEquals(DropReason.BAD_AUTHENTICATOR, Decodes.reason(decoder.decode(PAP_ACCEPT, CHAP_REQUEST, SECRET.getBytes())));
    }
}
