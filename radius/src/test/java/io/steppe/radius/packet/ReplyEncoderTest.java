package io.steppe.radius.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The RFC's own replies are reproduced byte for byte in {@link RfcVectorsTest}; here, what Steppe adds to them. */
class ReplyEncoderTest {

    static final byte[] SECRET = ReplyDecoderTest.SECRET;

    @Test
    void theReplyTakesTheRequestsIdentifierAndSignsMessageAuthenticatorOverItsAuthenticator() {
        byte[] request = ReplyDecoderTest.request(PacketCode.ACCESS_REQUEST, 99);
        byte[] reply = ReplyEncoder.encode(PacketCode.ACCESS_REJECT, request, new AttributeWriter().messageAuthenticator(), SECRET);
        assertEquals(3, reply[0]);
        assertEquals(99, reply[1]);
        assertEquals(38, reply.length);
        assertTrue(MessageAuthenticator.verify(reply, reply.length, 20, request, 4, SECRET));
        assertTrue(new ReplyDecoder().verify(reply, reply.length, request, 4, SECRET));
    }

    @Test
    void anAccountingResponseEchoesTheProxyStatesAndNothingElse() {
        AttributeWriter attributes = new AttributeWriter().integer(Attributes.ACCT_STATUS_TYPE, 1)
                .octets(Attributes.PROXY_STATE, new byte[] {9}).text(Attributes.ACCT_SESSION_ID, "s").octets(Attributes.PROXY_STATE, new byte[] {8, 7});
        new AccountingRequestEncoder(SECRET).encode(4, attributes);
        byte[] request = attributes.toByteArray();
        byte[] reply = ReplyEncoder.accountingResponse(request, SECRET);
        assertEquals("05 04 00 1b", Hex.hex(java.util.Arrays.copyOf(reply, 4)));
        assertEquals("21 03 09 21 04 08 07", Hex.hex(java.util.Arrays.copyOfRange(reply, 20, reply.length)));
        Reply decoded = Decodes.value(new ReplyDecoder().decode(reply, request, SECRET));
        assertEquals(PacketCode.ACCOUNTING_RESPONSE, decoded.code());
    }

    @Test
    void aReplyCarriesNoPassword() {
        byte[] request = ReplyDecoderTest.request(PacketCode.ACCESS_REQUEST, 1);
        assertThrows(IllegalArgumentException.class,
                () -> ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, request, new AttributeWriter().userPassword(new byte[1]), SECRET));
    }
}
