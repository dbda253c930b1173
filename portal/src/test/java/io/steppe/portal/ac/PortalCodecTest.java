package io.steppe.portal.ac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packets of one CHAP login in v1 and v2, as an independent implementation wrote them: a Python script after
 * the protocol's public descriptions, whose authenticators and CHAP password OpenPortal's Java classes gave too.
 * Secret {@code testing123}, user 192.168.10.23 "alice" / "alice-pass", SerialNo 0x1a2b, ReqID 7, challenge
 * 10 11 … 1f, BasIP 192.168.10.1. Types the vectors do not cover are checked against MD5 computed here.
 */
class PortalCodecTest {

    private static final byte[] SECRET = "testing123".getBytes(StandardCharsets.US_ASCII);
    private static final Inet4Address USER = address("192.168.10.23");
    private static final byte[] CHALLENGE = hex("101112131415161718191a1b1c1d1e1f");
    private static final PortalAttribute BAS_IP = new PortalAttribute(PortalAttribute.BAS_IP, address("192.168.10.1").getAddress());
    private static final byte[] CHAP_PASSWORD = hex("4c189a2df3605a75c106e0bc65b85114");

    private static final String V1_REQ_CHALLENGE = "01010000 1a2b0000 c0a80a17 00000000";
    private static final String V1_REQ_AUTH = "01030000 1a2b0007 c0a80a17 00000002 0107616c696365 0412" + "4c189a2df3605a75c106e0bc65b85114";
    private static final String V2_REQ_CHALLENGE = "02010000 1a2b0000 c0a80a17 00000000 0b112d1d9e7e1d05fa38252208fad508";
    private static final String V2_ACK_CHALLENGE = "02020000 1a2b0007 c0a80a17 00000002 95a146f6ec2ad57cea4bbe2c2b8b00b3"
            + "0312101112131415161718191a1b1c1d1e1f 0a06c0a80a01";
    private static final String V2_REQ_AUTH = "02030000 1a2b0007 c0a80a17 00000004 058836bc655e52d4860842de09c0c6b8"
            + "0107616c696365 0312101112131415161718191a1b1c1d1e1f 04124c189a2df3605a75c106e0bc65b85114 0a06c0a80a01";
    private static final String V2_ACK_AUTH = "02040000 1a2b0007 c0a80a17 00000001 7254900e72e0e4676650762 34bb2e392 0a06c0a80a01";
    private static final String V2_AFF_ACK_AUTH = "02070000 1a2b0007 c0a80a17 00000001 0921a5185e1b08057996b34656fd913b 0a06c0a80a01";

    @Test
    void theChapPasswordIsMd5OfTheReqIdsLowOctetThePasswordAndTheChallenge() {
        assertArrayEquals(CHAP_PASSWORD, PortalCodec.chapPassword(7, "alice-pass".getBytes(StandardCharsets.US_ASCII), CHALLENGE));
        // Only the low octet of ReqID counts.
        assertArrayEquals(CHAP_PASSWORD, PortalCodec.chapPassword(0x0107, "alice-pass".getBytes(StandardCharsets.US_ASCII), CHALLENGE));
    }

    @Test
    void version1PacketsAreWrittenAsTheReferenceWritesThem() {
        assertArrayEquals(hex(V1_REQ_CHALLENGE), PortalCodec.encode(packet(1, PortalType.REQ_CHALLENGE, 0, 0, List.of()), SECRET,
                PortalCodec.NO_REQUEST));
        assertArrayEquals(hex(V1_REQ_AUTH), PortalCodec.encode(packet(1, PortalType.REQ_AUTH, 7, 0, List.of(
                PortalAttribute.text(PortalAttribute.USER_NAME, "alice"),
                new PortalAttribute(PortalAttribute.CHAP_PASSWORD, CHAP_PASSWORD))), SECRET, PortalCodec.NO_REQUEST));
    }

    @Test
    void version2RequestsAreSignedOverZeros() {
        assertArrayEquals(hex(V2_REQ_CHALLENGE), PortalCodec.encode(packet(2, PortalType.REQ_CHALLENGE, 0, 0, List.of()), SECRET,
                PortalCodec.NO_REQUEST));
        assertArrayEquals(hex(V2_REQ_AUTH), PortalCodec.encode(packet(2, PortalType.REQ_AUTH, 7, 0, List.of(
                PortalAttribute.text(PortalAttribute.USER_NAME, "alice"), new PortalAttribute(PortalAttribute.CHALLENGE, CHALLENGE),
                new PortalAttribute(PortalAttribute.CHAP_PASSWORD, CHAP_PASSWORD), BAS_IP)), SECRET, PortalCodec.NO_REQUEST));
        // The affirmation is a request of its own: over zeros, not over the ACK_AUTH it affirms.
        assertArrayEquals(hex(V2_AFF_ACK_AUTH), PortalCodec.encode(packet(2, PortalType.AFF_ACK_AUTH, 7, 0, List.of(BAS_IP)), SECRET,
                PortalCodec.NO_REQUEST));
    }

    @Test
    void version2AnswersAreSignedOverTheRequestsAuthenticator() {
        byte[] reqChallenge = hex(V2_REQ_CHALLENGE);
        byte[] ackChallenge = hex(V2_ACK_CHALLENGE);
        assertArrayEquals(ackChallenge, PortalCodec.encode(packet(2, PortalType.ACK_CHALLENGE, 7, 0, List.of(
                new PortalAttribute(PortalAttribute.CHALLENGE, CHALLENGE), BAS_IP)), SECRET, PortalCodec.authenticatorOf(reqChallenge)));
        assertTrue(PortalCodec.authentic(ackChallenge, SECRET, PortalCodec.authenticatorOf(reqChallenge)));
        assertTrue(PortalCodec.authentic(hex(V2_ACK_AUTH), SECRET, PortalCodec.authenticatorOf(hex(V2_REQ_AUTH))));
    }

    @Test
    void anAnswerSignedWithAnotherSecretOrForAnotherRequestIsNotAuthentic() {
        byte[] ackChallenge = hex(V2_ACK_CHALLENGE);
        byte[] base = PortalCodec.authenticatorOf(hex(V2_REQ_CHALLENGE));
        assertFalse(PortalCodec.authentic(ackChallenge, "testing124".getBytes(StandardCharsets.US_ASCII), base));
        assertFalse(PortalCodec.authentic(ackChallenge, SECRET, PortalCodec.NO_REQUEST));
        byte[] altered = ackChallenge.clone();
        altered[ackChallenge.length - 1] ^= 1;
        assertFalse(PortalCodec.authentic(altered, SECRET, base));
    }

    @Test
    void everyTypeReadsBackAsItWasWrittenInBothVersions() throws Exception {
        for (int version = 1; version <= 2; version++) {
            for (PortalType type : PortalType.values()) {
                PortalPacket p = new PortalPacket(version, type, version == 1, 0xfedc, 0x0102, USER, 0, 3, List.of(
                        PortalAttribute.text(PortalAttribute.TEXT_INFO, "AC999"), new PortalAttribute(PortalAttribute.USER_MAC, hex("02000000aa01")),
                        new PortalAttribute(0x08, new byte[0])));
                byte[] base = hex("000102030405060708090a0b0c0d0e0f");
                byte[] bytes = PortalCodec.encode(p, SECRET, base);
                // The header as the protocol lays it out, written here octet by octet.
                assertEquals(version, bytes[0]);
                assertEquals(type.code(), bytes[1] & 0xff);
                assertEquals(version == 1 ? 1 : 0, bytes[2]);
                assertEquals(0, bytes[3]);
                assertEquals(0xfe, bytes[4] & 0xff);
                assertEquals(0xdc, bytes[5] & 0xff);
                assertEquals(0x0102, (bytes[6] & 0xff) << 8 | bytes[7] & 0xff);
                assertArrayEquals(USER.getAddress(), java.util.Arrays.copyOfRange(bytes, 8, 12));
                assertEquals(3, bytes[14]);
                assertEquals(3, bytes[15]);
                int start = version == 2 ? 32 : 16;
                assertEquals(start + 7 + 8 + 2, bytes.length);
                if (version == 2) {
                    assertArrayEquals(md5(bytes, base), PortalCodec.authenticatorOf(bytes), type + " v2");
                    assertTrue(PortalCodec.authentic(bytes, SECRET, base));
                }
                PortalCodec.Read read = PortalCodec.read(bytes);
                assertEquals(p, assertInstanceOf(PortalCodec.Read.Packet.class, read, type + " v" + version).packet());
            }
        }
    }

    @Test
    void whatIsNotAWholePacketIsDroppedWithTheReason() {
        assertProblem(PortalCodec.Problem.TOO_SHORT, hex("0101"));
        assertProblem(PortalCodec.Problem.TOO_SHORT, hex("02010000 1a2b0000 c0a80a17 00000000 0b112d"));
        assertProblem(PortalCodec.Problem.VERSION, hex("03010000 1a2b0000 c0a80a17 00000000"));
        assertProblem(PortalCodec.Problem.TYPE, hex("01ff0000 1a2b0000 c0a80a17 00000000"));
        // AttrNum says two, one is there.
        assertProblem(PortalCodec.Problem.ATTRIBUTES, hex("01030000 1a2b0007 c0a80a17 00000002 0107616c696365"));
        // A length that runs past the end, and one shorter than the type and length octets.
        assertProblem(PortalCodec.Problem.ATTRIBUTES, hex("01030000 1a2b0007 c0a80a17 00000001 0109616c696365"));
        assertProblem(PortalCodec.Problem.ATTRIBUTES, hex("01030000 1a2b0007 c0a80a17 00000001 0101"));
        // Octets after the last attribute AttrNum counts.
        assertProblem(PortalCodec.Problem.ATTRIBUTES, hex("01030000 1a2b0007 c0a80a17 00000001 0107616c696365 00"));
    }

    private static void assertProblem(PortalCodec.Problem problem, byte[] datagram) {
        assertEquals(problem, assertInstanceOf(PortalCodec.Read.Dropped.class, PortalCodec.read(datagram)).problem());
    }

    private static PortalPacket packet(int version, PortalType type, int reqId, int errCode, List<PortalAttribute> attributes) {
        return new PortalPacket(version, type, false, 0x1a2b, reqId, USER, 0, errCode, new ArrayList<>(attributes));
    }

    private static byte[] md5(byte[] packet, byte[] base) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(packet, 0, 16);
        md5.update(base);
        md5.update(packet, 32, packet.length - 32);
        md5.update(SECRET);
        return md5.digest();
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static Inet4Address address(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
