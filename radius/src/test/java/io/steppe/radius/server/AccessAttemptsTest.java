package io.steppe.radius.server;

import static io.steppe.radius.packet.RfcPackets.CHAP_REQUEST;
import static io.steppe.radius.packet.RfcPackets.PAP_REQUEST;
import static io.steppe.radius.packet.RfcPackets.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.net.MacAddress;
import io.steppe.radius.auth.AccessAttempt;
import io.steppe.radius.auth.Credential;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.Digests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessAttemptsTest {

    static final byte[] SECRET_BYTES = SECRET.getBytes(StandardCharsets.UTF_8);

    @Test
    void papRequestOfRfc2865Section71IsNemoWithArctangent() {
        AccessAttempt attempt = AccessAttempts.of("gw", 1, PAP_REQUEST, SECRET_BYTES);
        assertEquals("nemo", attempt.userName());
        Credential.Pap pap = assertInstanceOf(Credential.Pap.class, attempt.credential());
        assertTrue(pap.matches("arctangent"));
        assertFalse(pap.matches("arctangent2"));
        assertFalse(pap.matches("arctangen"));
    }

    @Test
    void chapRequestOfRfc2865Section72IsFlopsyWithTheRequestAuthenticatorAsChallenge() {
        AccessAttempt attempt = AccessAttempts.of("gw", 1, CHAP_REQUEST, SECRET_BYTES);
        assertEquals("flopsy", attempt.userName());
        Credential.ChapResponse chap = assertInstanceOf(Credential.ChapResponse.class, attempt.credential());
        assertEquals(Arrays.toString(Arrays.copyOfRange(CHAP_REQUEST, 4, 20)), Arrays.toString(chap.chap().challenge()));
    }

    @Test
    void longPasswordsSpanSeveralBlocksAndStationIdsAreRead() {
        String password = "a password longer than one block, in UTF-8: пароль";
        byte[] authenticator = new byte[16];
        Arrays.fill(authenticator, (byte) 7);
        byte[] packet = request(authenticator,
                attribute(Attributes.USER_NAME, "tourist".getBytes(StandardCharsets.UTF_8)),
                attribute(Attributes.USER_PASSWORD, hide(password.getBytes(StandardCharsets.UTF_8), authenticator)),
                attribute(Attributes.CALLING_STATION_ID, "AA-BB-CC-00-11-22".getBytes(StandardCharsets.US_ASCII)),
                attribute(Attributes.CALLED_STATION_ID, "02-00-00-00-00-01:Ulanqab-Free".getBytes(StandardCharsets.US_ASCII)));
        AccessAttempt attempt = AccessAttempts.of("gw", 1, packet, SECRET_BYTES);
        assertTrue(attempt.credential().matches(password));
        assertEquals(Optional.of(MacAddress.parse("aa:bb:cc:00:11:22")), attempt.clientMac());
        assertEquals(Optional.of("02-00-00-00-00-01:Ulanqab-Free"), attempt.calledStationId());
    }

    @Test
    void malformedRequestsAreRefusedWithTheReason() {
        byte[] authenticator = new byte[16];
        byte[] name = attribute(Attributes.USER_NAME, "u".getBytes(StandardCharsets.UTF_8));
        assertEquals("User-Name is missing", assertThrows(IllegalArgumentException.class,
                () -> AccessAttempts.of("gw", 1, request(authenticator, attribute(Attributes.USER_PASSWORD, new byte[16])), SECRET_BYTES)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AccessAttempts.of("gw", 1, request(authenticator, name, attribute(Attributes.USER_PASSWORD, new byte[15])), SECRET_BYTES));
        assertThrows(IllegalArgumentException.class, () -> AccessAttempts.of("gw", 1, request(authenticator, name,
                attribute(Attributes.USER_PASSWORD, new byte[16]), attribute(Attributes.CHAP_PASSWORD, new byte[17])), SECRET_BYTES));
        assertThrows(IllegalArgumentException.class,
                () -> AccessAttempts.of("gw", 1, request(authenticator, name, attribute(Attributes.CHAP_PASSWORD, new byte[16])), SECRET_BYTES));
    }

    static byte[] hide(byte[] clear, byte[] authenticator) {
        byte[] padded = Arrays.copyOf(clear, (clear.length + 15) / 16 * 16);
        byte[] previous = authenticator;
        for (int block = 0; block < padded.length; block += 16) {
            MessageDigest md5 = Digests.md5();
            md5.update(SECRET_BYTES);
            md5.update(previous);
            byte[] b = md5.digest();
            for (int i = 0; i < 16; i++) {
                padded[block + i] ^= b[i];
            }
            previous = Arrays.copyOfRange(padded, block, block + 16);
        }
        return padded;
    }

    static byte[] attribute(int type, byte[] value) {
        byte[] a = new byte[value.length + 2];
        a[0] = (byte) type;
        a[1] = (byte) a.length;
        System.arraycopy(value, 0, a, 2, value.length);
        return a;
    }

    static byte[] request(byte[] authenticator, byte[]... attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {1, 9, 0, 0});
        out.writeBytes(authenticator);
        for (byte[] a : attributes) {
            out.writeBytes(a);
        }
        byte[] packet = out.toByteArray();
        packet[2] = (byte) (packet.length >>> 8);
        packet[3] = (byte) packet.length;
        return packet;
    }
}
