package io.steppe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.steppe.radius.RadiusService;
import io.steppe.radius.packet.Chap;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.MessageAuthenticator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.packet.request.AccessRequestChap;
import org.tinyradius.core.packet.request.AccessRequestPap;
import org.tinyradius.core.packet.request.AccountingRequest;
import org.tinyradius.core.packet.request.RadiusRequest;

/** The generator's packets, checked by independent decoders: tinyradius and Steppe's own protocol classes. */
class RequestEncoderTest {

    private static final String SECRET = "testing123";
    private static final Dictionary DICTIONARY = RadiusService.dictionary();

    static RadiusBenchPlan plan(BenchMode mode, String user, String password) {
        return new RadiusBenchPlan(mode, LoopbackTarget.parse("127.0.0.1", mode.defaultPort()), SECRET,
                Optional.ofNullable(user), Optional.ofNullable(password), 0, Duration.ofSeconds(1), Duration.ZERO, 256,
                RadiusBenchPlan.DEFAULT_TIMEOUT, java.util.List.of());
    }

    static byte[] encode(RequestEncoder encoder, long sequence, int identifier) {
        byte[] out = new byte[4096];
        return Arrays.copyOf(out, encoder.encode(sequence, identifier, out));
    }

    static RadiusRequest decode(byte[] packet, String secret) throws RadiusPacketException {
        return RadiusRequest.fromByteBuf(DICTIONARY, Unpooled.wrappedBuffer(packet)).decodeRequest(secret);
    }

    @Test
    void papPasswordIsHiddenAsRfc2865Says() throws Exception {
        for (String password : new String[] {"alice-pass", "exactly-16-chars", "a password of more than two blocks, 49 octets.."}) {
            RequestEncoder encoder = new RequestEncoder(plan(BenchMode.PAP, "alice", password), new SplittableRandom(1));
            byte[] packet = encode(encoder, 17, 42);
            assertEquals(1, packet[0]);
            assertEquals(42, packet[1]);
            assertEquals(Optional.empty(), DatagramCheck.problem(packet, packet.length));
            AccessRequestPap decoded = assertInstanceOf(AccessRequestPap.class, decode(packet, SECRET));
            assertEquals(Optional.of(password), decoded.getPassword());
            assertEquals("alice", decoded.getAttribute("User-Name").orElseThrow().getValueString());
        }
    }

    @Test
    void chapPasswordUsesTheRequestAuthenticatorAsChallenge() throws Exception {
        RequestEncoder encoder = new RequestEncoder(plan(BenchMode.CHAP, "alice", "alice-pass"), new SplittableRandom(2));
        byte[] packet = encode(encoder, 3, 200);
        int offset = DatagramCheck.findAttribute(packet, 3);
        byte[] value = Arrays.copyOfRange(packet, offset + 2, offset + (packet[offset + 1] & 0xff));
        Chap chap = Chap.of(value, Arrays.copyOfRange(packet, 4, 20));
        assertTrue(chap.matches("alice-pass"));
        assertFalse(chap.matches("wrong"));
        AccessRequestChap decoded = assertInstanceOf(AccessRequestChap.class, decode(packet, SECRET));
        assertTrue(decoded.checkPassword("alice-pass"));
    }

    @Test
    void accessRequestsCarryAValidMessageAuthenticator() {
        for (BenchMode mode : new BenchMode[] {BenchMode.PAP, BenchMode.CHAP}) {
            RequestEncoder encoder = new RequestEncoder(plan(mode, "bob", "bob-pass"), new SplittableRandom(3));
            byte[] packet = encode(encoder, 4095, 255);
            int offset = DatagramCheck.findAttribute(packet, 80);
            assertEquals(RequestEncoder.MESSAGE_AUTHENTICATOR_OFFSET, offset, mode + ": Message-Authenticator first");
            assertTrue(MessageAuthenticator.verify(packet, offset, SECRET.getBytes(StandardCharsets.UTF_8)), mode.label());
            assertFalse(MessageAuthenticator.verify(packet, offset, "other".getBytes(StandardCharsets.UTF_8)), mode.label());
        }
    }

    @Test
    void accountingRequestAuthenticatorFollowsRfc2866() throws Exception {
        RequestEncoder encoder = new RequestEncoder(plan(BenchMode.ACCT, null, null), new SplittableRandom(4));
        byte[] packet = encode(encoder, 5000, 9);
        assertEquals(4, packet[0]);
        AccountingRequest decoded = assertInstanceOf(AccountingRequest.class, decode(packet, SECRET));
        assertEquals("Interim-Update", decoded.getAttribute("Acct-Status-Type").orElseThrow().getValueString());
        assertEquals("BENCH00000388", decoded.getAttribute("Acct-Session-Id").orElseThrow().getValueString());
        assertEquals("bench-0904", decoded.getAttribute("User-Name").orElseThrow().getValueString());
        // Request 5000 is variant 904's second round: its counters moved on, so its authenticator differs from round one's.
        assertEquals("120", decoded.getAttribute("Acct-Session-Time").orElseThrow().getValueString());
        assertThrows(RadiusPacketException.class, () -> decode(packet, "not-the-secret"));
    }

    @Test
    void requestsAreDistinctSoNoDuplicateCacheAnswersThem() {
        for (BenchMode mode : BenchMode.values()) {
            RequestEncoder encoder = new RequestEncoder(plan(mode, "alice", "alice-pass"), new SplittableRandom(5));
            Set<String> callingStations = new HashSet<>();
            Set<String> packets = new HashSet<>();
            for (int sequence = 0; sequence < 2 * RequestEncoder.VARIANTS; sequence++) {
                byte[] packet = encode(encoder, sequence, 0);
                int offset = DatagramCheck.findAttribute(packet, 31);
                callingStations.add(new String(packet, offset + 2, (packet[offset + 1] & 0xff) - 2, StandardCharsets.US_ASCII));
                packets.add(Arrays.toString(Arrays.copyOfRange(packet, 4, 20)));
            }
            assertEquals(RequestEncoder.VARIANTS, callingStations.size(), mode.label());
            assertEquals(2 * RequestEncoder.VARIANTS, packets.size(), mode.label() + ": every Request Authenticator is new");
        }
    }
}
