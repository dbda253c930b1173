package io.steppe.radius.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AccountingRequestEncoderTest {

    static final byte[] SECRET = "testing123".getBytes(StandardCharsets.UTF_8);

    @Test
    void requestAuthenticatorIsWhatRfc2866Section3Makes() {
        AttributeWriter attributes = new AttributeWriter().integer(Attributes.ACCT_STATUS_TYPE, 1).text(Attributes.ACCT_SESSION_ID, "s1");
        new AccountingRequestEncoder(SECRET).encode(77, attributes);
        byte[] packet = attributes.toByteArray();
        assertEquals(4, packet[0]);
        assertEquals(77, packet[1]);
        byte[] zeroed = packet.clone();
        Arrays.fill(zeroed, 4, 20, (byte) 0);
        MessageDigest md5 = Digests.md5();
        md5.update(zeroed);
        md5.update(SECRET);
        assertArrayEquals(md5.digest(), Arrays.copyOfRange(packet, 4, 20));
        assertTrue(RequestAuthenticator.verify(packet, SECRET));
        assertFalse(RequestAuthenticator.verify(packet, "other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void disconnectAndCoaRequestsAreSignedTheSameWay() {
        AccountingRequestEncoder encoder = new AccountingRequestEncoder(SECRET);
        for (PacketCode code : new PacketCode[] {PacketCode.DISCONNECT_REQUEST, PacketCode.COA_REQUEST}) {
            AttributeWriter attributes = new AttributeWriter().text(Attributes.USER_NAME, "bob");
            encoder.encode(code, 3, attributes);
            encoder.encode(code, 4, attributes); // a retry under another identifier re-signs
            byte[] packet = attributes.toByteArray();
            assertEquals(code.code(), packet[0] & 0xff);
            assertEquals(4, packet[1]);
            assertTrue(RequestAuthenticator.verify(packet, SECRET), code.name());
        }
    }

    @Test
    void accessRequestMattersAreRefused() {
        AccountingRequestEncoder encoder = new AccountingRequestEncoder(SECRET);
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(PacketCode.ACCESS_REQUEST, 1, new AttributeWriter()));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(1, new AttributeWriter().userPassword(new byte[1])));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(1, new AttributeWriter().messageAuthenticator()));
    }
}
