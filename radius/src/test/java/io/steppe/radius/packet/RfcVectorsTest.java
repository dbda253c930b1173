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
        assertEquals("arctangent", UserPassword.reveal(PAP_REQUEST, 28, hidden.length, SECRET.getBytes(), Arrays.copyOfRange(PAP_REQUEST, 4, 20)));
    }

    @Test
    void acceptsOfRfc2865AreReproducedByteForByte() {
        byte[] papAccept = ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, 0, Arrays.copyOfRange(PAP_REQUEST, 4, 20),
                List.of(ReplyEncoder.integer(6, 1), ReplyEncoder.integer(15, 0), ReplyEncoder.attribute(14, bytes("c0 a8 01 03"))),
                SECRET.getBytes(), false);
        assertEquals(hex(PAP_ACCEPT), hex(papAccept));
        byte[] chapAccept = ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, 1, Arrays.copyOfRange(CHAP_REQUEST, 4, 20),
                List.of(ReplyEncoder.integer(6, 2), ReplyEncoder.integer(7, 1), ReplyEncoder.attribute(8, bytes("ff ff ff fe")),
                        ReplyEncoder.integer(10, 2), ReplyEncoder.integer(13, 1), ReplyEncoder.integer(12, 1500)),
                SECRET.getBytes(), false);
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
        assertEquals(hex(STATUS_ACCT_REPLY), hex(ReplyEncoder.encode(PacketCode.ACCOUNTING_RESPONSE, 0xb3,
                Arrays.copyOfRange(STATUS_ACCT, 4, 20), List.of(), SECRET.getBytes(), false)));
        assertEquals(hex(STATUS_AUTH_REPLY_WITHOUT_MA), hex(ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, 0xda,
                Arrays.copyOfRange(STATUS_AUTH, 4, 20), List.of(), SECRET.getBytes(), false)));
    }

    @Test
    void everyAccessReplyCarriesMessageAuthenticatorFirstAndItVerifies() {
        byte[] reply = ReplyEncoder.encode(PacketCode.ACCESS_REJECT, 3, Arrays.copyOfRange(PAP_REQUEST, 4, 20),
                List.of(ReplyEncoder.attribute(Attributes.REPLY_MESSAGE, "no".getBytes())), SECRET.getBytes(), true);
        assertEquals(Attributes.MESSAGE_AUTHENTICATOR, reply[20] & 0xff, "first attribute");
        assertEquals(18, reply[21] & 0xff);
        // A client checks the MA with the Request Authenticator in place of the Response Authenticator.
        byte[] asSigned = reply.clone();
        System.arraycopy(PAP_REQUEST, 4, asSigned, 4, 16);
        assertTrue(MessageAuthenticator.verify(asSigned, 20, SECRET.getBytes()));
    }
}
