package io.steppe.radius.packet;

import static io.steppe.radius.packet.Decodes.reason;
import static io.steppe.radius.packet.Decodes.value;
import static io.steppe.radius.packet.Hex.bytes;
import static io.steppe.radius.packet.RfcPackets.CHAP_REQUEST;
import static io.steppe.radius.packet.RfcPackets.PAP_REQUEST;
import static io.steppe.radius.packet.RfcPackets.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.net.MacAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccessRequestDecoderTest {

    static final byte[] SECRET_BYTES = SECRET.getBytes(StandardCharsets.UTF_8);

    static AccessAttempt decode(byte[] packet) {
        return value(AccessRequestDecoder.decode("gw", 1, packet, SECRET_BYTES));
    }

    @Test
    void papRequestOfRfc2865Section71IsNemoWithArctangent() {
        AccessAttempt attempt = decode(PAP_REQUEST);
        assertEquals("nemo", attempt.userName());
        Credential.Pap pap = assertInstanceOf(Credential.Pap.class, attempt.credential());
        assertTrue(pap.matches("arctangent"));
        assertFalse(pap.matches("arctangent2"));
        assertFalse(pap.matches("arctangen"));
    }

    @Test
    void chapRequestOfRfc2865Section72IsFlopsyWithTheRequestAuthenticatorAsChallenge() {
        AccessAttempt attempt = decode(CHAP_REQUEST);
        assertEquals("flopsy", attempt.userName());
        Credential.ChapResponse chap = assertInstanceOf(Credential.ChapResponse.class, attempt.credential());
        assertEquals(0x16, chap.chap().ident());
        assertEquals(Arrays.toString(Arrays.copyOfRange(CHAP_REQUEST, 4, 20)), Arrays.toString(chap.chap().challenge()));
    }

    @Test
    void challengeRequestsOfRfc2865Section73RevealTheirPasswords() {
        byte[] first = bytes("01 02 00 39 f3 a4 7a 1f 6a 6d 76 71 0b 94 7a b9 30 41 a0 39 01 07 6d 6f 70 73 79 02 12 33 65 75 73 77 82"
                + " 89 b5 70 88 5e 15 08 48 25 c5 04 06 c0 a8 01 10 05 06 00 00 00 07");
        byte[] second = bytes("01 03 00 43 b1 22 55 6d 42 8a 13 d0 d6 25 38 07 c4 57 ec f0 01 07 6d 6f 70 73 79 02 12 69 2c 1f 20 5f"
                + " c0 81 b9 19 b9 51 95 f5 61 a5 81 04 06 c0 a8 01 10 05 06 00 00 00 07 18 0a 33 32 37 36 39 34 33 30");
        assertEquals("mopsy", decode(first).userName());
        assertTrue(decode(first).credential().matches("challenge"));
        assertTrue(decode(second).credential().matches("99101462"));
    }

    @Test
    void chapChallengeWhenPresentIsTheChallenge() {
        byte[] challenge = "a UAM key, 16 o.".getBytes(StandardCharsets.US_ASCII);
        byte[] packet = request(new byte[16], attribute(Attributes.USER_NAME, "u".getBytes(StandardCharsets.UTF_8)),
                attribute(Attributes.CHAP_PASSWORD, new byte[17]), attribute(Attributes.CHAP_CHALLENGE, challenge));
        Credential.ChapResponse chap = assertInstanceOf(Credential.ChapResponse.class, decode(packet).credential());
        assertEquals(Arrays.toString(challenge), Arrays.toString(chap.chap().challenge()));
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
        AccessAttempt attempt = decode(packet);
        assertTrue(attempt.credential().matches(password));
        assertEquals(Optional.of(MacAddress.parse("aa:bb:cc:00:11:22")), attempt.clientMac());
        assertEquals(Optional.of("02-00-00-00-00-01:Ulanqab-Free"), attempt.calledStationId());
    }

    @Test
    void requestsThePolicyCannotUseAreDroppedWithTheReason() {
        byte[] authenticator = new byte[16];
        byte[] name = attribute(Attributes.USER_NAME, "u".getBytes(StandardCharsets.UTF_8));
        assertEquals(DropReason.UNDECODABLE, reason(AccessRequestDecoder.decode("gw", 1,
                request(authenticator, attribute(Attributes.USER_PASSWORD, new byte[16])), SECRET_BYTES)), "no User-Name");
        assertEquals(DropReason.UNDECODABLE, reason(AccessRequestDecoder.decode("gw", 1,
                request(authenticator, name, attribute(Attributes.USER_PASSWORD, new byte[15])), SECRET_BYTES)), "15-octet password");
        assertEquals(DropReason.UNDECODABLE, reason(AccessRequestDecoder.decode("gw", 1, request(authenticator, name,
                attribute(Attributes.USER_PASSWORD, new byte[16]), attribute(Attributes.CHAP_PASSWORD, new byte[17])), SECRET_BYTES)), "both");
        assertEquals(DropReason.UNDECODABLE, reason(AccessRequestDecoder.decode("gw", 1,
                request(authenticator, name, attribute(Attributes.CHAP_PASSWORD, new byte[16])), SECRET_BYTES)), "16-octet CHAP");
        assertEquals(DropReason.INVALID_TEXT, reason(AccessRequestDecoder.decode("gw", 1,
                request(authenticator, attribute(Attributes.USER_NAME, "a\u0000b".getBytes(StandardCharsets.UTF_8))), SECRET_BYTES)));
        assertEquals(DropReason.INVALID_TEXT, reason(AccessRequestDecoder.decode("gw", 1,
                request(authenticator, attribute(Attributes.USER_NAME, new byte[] {(byte) 0xc3, 0x28})), SECRET_BYTES)), "not UTF-8");
    }

    @Test
    void malformedDatagramsAreDroppedAsMalformed() {
        for (int length = 0; length < PAP_REQUEST.length; length++) {
            DropReason expected = DropReason.MALFORMED_LENGTH;
            assertEquals(expected, Decodes.reasonWithoutException(AccessRequestDecoder.decode("gw", 1,
                    Arrays.copyOf(PAP_REQUEST, length), SECRET_BYTES)), "truncated to " + length);
        }
        for (int badLength : new int[] {0, 1, 200}) {
            byte[] packet = PAP_REQUEST.clone();
            packet[21] = (byte) badLength; // User-Name's length
            assertEquals(DropReason.MALFORMED_ATTRIBUTE, Decodes.reasonWithoutException(AccessRequestDecoder.decode("gw", 1, packet,
                    SECRET_BYTES)), "attribute length " + badLength);
        }
        byte[] lying = PAP_REQUEST.clone();
        lying[3] = 19;
        assertEquals(DropReason.MALFORMED_LENGTH, reason(AccessRequestDecoder.decode("gw", 1, lying, SECRET_BYTES)));
    }

    @Test
    void noMangledRequestMakesTheDecoderThrow() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            byte[] packet = (i % 2 == 0 ? PAP_REQUEST : CHAP_REQUEST).clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
            }
            Decoded<AccessAttempt> decoded = AccessRequestDecoder.decode("gw", 1,
                    Arrays.copyOf(packet, random.nextInt(packet.length + 1)), SECRET_BYTES);
            if (decoded instanceof Decoded.Dropped<AccessAttempt>) {
                Decodes.reasonWithoutException(decoded);
            }
        }
    }

    /** RFC 2865 §5.2 written out again, independently of {@link UserPassword}. */
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
