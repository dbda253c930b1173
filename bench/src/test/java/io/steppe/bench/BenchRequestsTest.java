package io.steppe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.radius.packet.AccessAttempt;
import io.steppe.radius.packet.AccessRequestDecoder;
import io.steppe.radius.packet.AccountingRecord;
import io.steppe.radius.packet.AccountingRequestDecoder;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.Credential;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.Decoded;
import io.steppe.radius.packet.DropReason;
import io.steppe.radius.packet.MessageAuthenticator;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generator's packets, read back by the server's decoders (which radius's codec tests check against
 * tinyradius and the RFC vectors): what the generator sends is what the server sees.
 */
class BenchRequestsTest {

    private static final String SECRET = "testing123";
    private static final byte[] SECRET_BYTES = SECRET.getBytes(StandardCharsets.UTF_8);

    static RadiusBenchPlan plan(BenchMode mode, String user, String password) {
        return new RadiusBenchPlan(mode, LoopbackTarget.parse("127.0.0.1", mode.defaultPort()), SECRET,
                Optional.ofNullable(user), Optional.ofNullable(password), 0, Duration.ofSeconds(1), Duration.ZERO, 256,
                RadiusBenchPlan.DEFAULT_TIMEOUT, List.of());
    }

    static byte[] write(BenchRequests requests, long sequence, int identifier) {
        return Arrays.copyOf(requests.packet(), requests.write(sequence, identifier));
    }

    static AccessAttempt access(byte[] packet) {
        return value(AccessRequestDecoder.decode("bench", 1, packet, SECRET_BYTES));
    }

    static <T> T value(Decoded<T> decoded) {
        if (decoded instanceof Decoded.Ok<T> ok) {
            return ok.value();
        }
        throw new AssertionError(decoded.toString());
    }

    @Test
    void papPasswordIsHiddenAsRfc2865Says() {
        for (String password : new String[] {"alice-pass", "exactly-16-chars", "a password of more than two blocks, 49 octets.."}) {
            BenchRequests requests = new BenchRequests(plan(BenchMode.PAP, "alice", password), new SplittableRandom(1));
            byte[] packet = write(requests, 17, 42);
            assertEquals(1, packet[0]);
            assertEquals(42, packet[1]);
            AccessAttempt attempt = access(packet);
            assertEquals("alice", attempt.userName());
            assertEquals(password, assertInstanceOf(Credential.Pap.class, attempt.credential()).password());
        }
    }

    @Test
    void chapPasswordUsesTheRequestAuthenticatorAsChallenge() {
        BenchRequests requests = new BenchRequests(plan(BenchMode.CHAP, "alice", "alice-pass"), new SplittableRandom(2));
        Credential.ChapResponse chap = assertInstanceOf(Credential.ChapResponse.class, access(write(requests, 3, 200)).credential());
        assertTrue(chap.matches("alice-pass"));
        assertFalse(chap.matches("wrong"));
    }

    @Test
    void accessRequestsCarryAValidMessageAuthenticatorFirst() {
        for (BenchMode mode : new BenchMode[] {BenchMode.PAP, BenchMode.CHAP}) {
            BenchRequests requests = new BenchRequests(plan(mode, "bob", "bob-pass"), new SplittableRandom(3));
            byte[] packet = write(requests, 4095, 255);
            int offset = DatagramCheck.findAttribute(packet, Attributes.MESSAGE_AUTHENTICATOR);
            assertEquals(DatagramCheck.HEADER_LENGTH, offset, mode + ": Message-Authenticator first");
            assertTrue(MessageAuthenticator.verify(packet, offset, SECRET_BYTES), mode.label());
            assertFalse(MessageAuthenticator.verify(packet, offset, "other".getBytes(StandardCharsets.UTF_8)), mode.label());
        }
    }

    @Test
    void accountingRequestsCountOnFromRoundToRound() {
        BenchRequests requests = new BenchRequests(plan(BenchMode.ACCT, null, null), new SplittableRandom(4));
        byte[] packet = write(requests, 5000, 9);
        assertEquals(4, packet[0]);
        AccountingRecord record = value(AccountingRequestDecoder.decode(packet, SECRET_BYTES, 1, InetAddress.getLoopbackAddress(),
                Instant.now(), warning -> { }));
        assertEquals(AccountingRecord.Kind.INTERIM_UPDATE, record.kind());
        assertEquals("BENCH00000388", record.sessionId());
        assertEquals("bench-0904", record.userName());
        // Request 5000 is variant 904's second round: its counters moved on, so its authenticator differs from round one's.
        assertEquals(120, record.sessionTime());
        assertEquals(2 * 655_360, record.outputOctets());
        Decoded<AccountingRecord> forged = AccountingRequestDecoder.decode(packet, "not-the-secret".getBytes(StandardCharsets.UTF_8), 1,
                InetAddress.getLoopbackAddress(), Instant.now(), warning -> { });
        assertEquals(DropReason.BAD_AUTHENTICATOR, assertInstanceOf(Decoded.Dropped.class, forged).reason());
    }

    @Test
    void requestsAreDistinctSoNoDuplicateCacheAnswersThem() {
        for (BenchMode mode : BenchMode.values()) {
            BenchRequests requests = new BenchRequests(plan(mode, "alice", "alice-pass"), new SplittableRandom(5));
            Set<String> callingStations = new HashSet<>();
            Set<String> authenticators = new HashSet<>();
            for (int sequence = 0; sequence < 2 * BenchRequests.VARIANTS; sequence++) {
                byte[] packet = write(requests, sequence, 0);
                int offset = DatagramCheck.findAttribute(packet, Attributes.CALLING_STATION_ID);
                callingStations.add(new String(packet, offset + 2, (packet[offset + 1] & 0xff) - 2, StandardCharsets.US_ASCII));
                authenticators.add(Arrays.toString(Arrays.copyOfRange(packet, 4, 20)));
            }
            assertEquals(BenchRequests.VARIANTS, callingStations.size(), mode.label());
            assertEquals(2 * BenchRequests.VARIANTS, authenticators.size(), mode.label() + ": every Request Authenticator is new");
        }
    }
}
