package io.steppe.radius.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.keys.TestKeys;
import io.steppe.radius.RadiusService;
import io.steppe.radius.auth.AccessPolicyConfig;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.packet.DropReason;
import io.steppe.radius.transport.RadiusServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server does with hostile, broken and repeated datagrams, over real UDP. */
class RobustnessTest {

    @TempDir
    Path home;

    @Test
    void autoRequiresMessageAuthenticatorOnceTheGatewayHasSentOne() throws Exception {
        try (RadiusHarness h = new RadiusHarness(home, MessageAuthenticatorPolicy.AUTO); TestPackets udp = new TestPackets()) {
            String code = h.voucher(30, 5);
            int port = h.radius.authPort();
            assertTrue(udp.exchange(port, TestPackets.accessRequest(1, code, code, RadiusHarness.SECRET, false)).isPresent(),
                    "accepted without Message-Authenticator while the gateway never sent one");
            Optional<byte[]> signed = udp.exchange(port, TestPackets.accessRequest(2, code, code, RadiusHarness.SECRET, true));
            assertEquals(2, signed.orElseThrow()[0], "Access-Accept");
            assertEquals(80, signed.get()[20], "Message-Authenticator is the first attribute");
            assertTrue(udp.exchange(port, TestPackets.accessRequest(3, code, code, RadiusHarness.SECRET, false)).isEmpty(),
                    "dropped now that the gateway is known to send it");
            assertEquals(1, h.metrics.dropped(DropReason.MISSING_MESSAGE_AUTHENTICATOR));
        }
    }

    /**
     * The attack: {@code auto} was held in one server's memory, so a restart (or another node on the same database)
     * took an unsigned request again from a gateway known to sign, which is what BlastRADIUS needs.
     */
    @Test
    void autoRequiresMessageAuthenticatorAfterARestartAndOnEveryNodeOnceTheGatewayHasSentOne() throws Exception {
        try (RadiusHarness h = new RadiusHarness(home, MessageAuthenticatorPolicy.AUTO); TestPackets udp = new TestPackets()) {
            String code = h.voucher(30, 5);
            try (RadiusService beforeRestart = startAnotherNode(h)) {
                assertEquals(2, udp.exchange(beforeRestart.authPort(), TestPackets.accessRequest(1, code, code, RadiusHarness.SECRET, true))
                        .orElseThrow()[0], "Access-Accept for the signed request");
            }
            h.radius.reloadGateways(); // a node that ran all along, at its next reload
            assertTrue(udp.exchange(h.radius.authPort(), TestPackets.accessRequest(2, code, code, RadiusHarness.SECRET, false)).isEmpty(),
                    "another node requires it");
            try (RadiusService afterRestart = startAnotherNode(h)) {
                assertTrue(udp.exchange(afterRestart.authPort(), TestPackets.accessRequest(3, code, code, RadiusHarness.SECRET, false)).isEmpty(),
                        "the restarted server requires it");
                assertTrue(udp.exchange(afterRestart.authPort(), TestPackets.accessRequest(4, code, code, RadiusHarness.SECRET, true)).isPresent());
            }
            assertEquals(2, h.metrics.dropped(DropReason.MISSING_MESSAGE_AUTHENTICATOR));
        }
    }

    private static RadiusService startAnotherNode(RadiusHarness h) {
        return RadiusService.start(RadiusServerConfig.defaults("127.0.0.1", 0, 0), AccessPolicyConfig.defaults(), h.db.dsl(),
                TestKeys.fixed(), Clock.systemUTC(), System::nanoTime, h.metrics);
    }

    /**
     * The attack: a NUL in User-Name reached PostgreSQL, which refused the query, and was counted as a database error
     * (an alert that the database is failing, from one datagram). Octets that are not UTF-8 were silently replaced.
     */
    @Test
    void aUserNameThatIsNotTextIsDroppedAsInvalidTextNeverAsADatabaseError() throws Exception {
        try (RadiusHarness h = new RadiusHarness(home, MessageAuthenticatorPolicy.AUTO); TestPackets udp = new TestPackets()) {
            String code = h.voucher(30, 5);
            byte[][] names = {
                (code + "\u0000").getBytes(StandardCharsets.UTF_8),
                {'a', 'b', 0, 'c'},
                {'u', (byte) 0xc3, (byte) 0x28},          // a lead byte without its continuation
                {'u', (byte) 0xc0, (byte) 0xaf},          // an overlong '/'
                {'u', (byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a UTF-16 surrogate
                "name\nforged log line".getBytes(StandardCharsets.UTF_8),
            };
            for (int i = 0; i < names.length; i++) {
                assertTrue(udp.exchange(h.radius.authPort(), TestPackets.accessRequest(10 + i, names[i], code, RadiusHarness.SECRET, true))
                        .isEmpty(), "no answer for name " + i);
            }
            assertEquals(names.length, h.metrics.dropped(DropReason.INVALID_TEXT));
            assertEquals(0, h.metrics.dropped(DropReason.DATABASE_ERROR));
            String utf8 = "Ёлка-" + code;
            assertEquals(3, udp.exchange(h.radius.authPort(), TestPackets.accessRequest(30, utf8, code, RadiusHarness.SECRET, true))
                    .orElseThrow()[0], "a name in Cyrillic is text: answered (rejected, it is nobody)");
            assertEquals(2, udp.exchange(h.radius.authPort(), TestPackets.accessRequest(31, code, code, RadiusHarness.SECRET, true))
                    .orElseThrow()[0], "and the server still serves");
        }
    }

    @Test
    void requireYesDropsEveryRequestWithoutMessageAuthenticator() throws Exception {
        try (RadiusHarness h = new RadiusHarness(home, MessageAuthenticatorPolicy.YES); TestPackets udp = new TestPackets()) {
            String code = h.voucher(30, 1);
            assertTrue(udp.exchange(h.radius.authPort(), TestPackets.accessRequest(1, code, code, RadiusHarness.SECRET, false)).isEmpty());
            assertTrue(udp.exchange(h.radius.authPort(), TestPackets.accessRequest(2, code, code, RadiusHarness.SECRET, true)).isPresent());
        }
    }

    @Test
    void retransmissionsAreAnsweredOnceWithTheSameBytes() throws Exception {
        try (RadiusHarness h = new RadiusHarness(home, MessageAuthenticatorPolicy.AUTO); TestPackets udp = new TestPackets()) {
            String code = h.voucher(30, 1);
            byte[] request = TestPackets.accessRequest(7, code, code, RadiusHarness.SECRET, true,
                    TestPackets.attribute(31, "AA-BB-CC-00-00-01".getBytes()));
            udp.send(h.radius.authPort(), request);
            udp.send(h.radius.authPort(), request); // while the first is still in the database
            byte[] first = udp.receive().orElseThrow();
            Optional<byte[]> second = udp.receive();
            // The copy is either dropped while the first is in flight (the NAS hears nothing and retries) or answered
            // from the cache; the NAS must get a reply exactly when the server counts one, and the same bytes.
            boolean answeredFromCache = h.metrics.get("duplicateAnswered") == 1;
            assertEquals(answeredFromCache ? 0 : 1, h.metrics.dropped(DropReason.DUPLICATE_IN_FLIGHT), "the copy was answered or dropped");
            assertEquals(answeredFromCache, second.isPresent(), "a reply for the copy exactly when it was answered");
            assertArrayEquals(first, second.orElse(first), "the copy's reply is the first reply, byte for byte");
            byte[] later = udp.exchange(h.radius.authPort(), request).orElseThrow();
            assertArrayEquals(first, later, "the cached reply, byte for byte");
            assertEquals(1, h.metrics.get("accepted"), "decided once");
            assertEquals(2, h.metrics.dropped(DropReason.DUPLICATE_IN_FLIGHT) + h.metrics.get("duplicateAnswered"));
        }
    }

    @Test
    void tenThousandMalformedDatagramsAreDroppedAndCountedWhileValidRequestsAreAnswered() throws Exception {
        try (RadiusHarness h = new RadiusHarness(home, MessageAuthenticatorPolicy.AUTO); TestPackets udp = new TestPackets()) {
            Random random = new Random(20261126);
            byte[] valid = TestPackets.accessRequest(1, "nobody", "x", RadiusHarness.SECRET, true);
            List<byte[]> malformed = new ArrayList<>();
            while (malformed.size() < 10_000) {
                switch (malformed.size() % 5) {
                    case 0 -> { // random bytes, short of a header or with a length that lies
                        byte[] junk = new byte[random.nextInt(60)];
                        random.nextBytes(junk);
                        if (junk.length >= 4) {
                            junk[2] = (byte) 0xff;
                        }
                        malformed.add(junk);
                    }
                    case 1 -> malformed.add(Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1))); // truncated
                    case 2 -> { // attribute length 0 or 1
                        byte[] p = valid.clone();
                        p[21] = (byte) random.nextInt(2);
                        malformed.add(p);
                    }
                    case 3 -> { // attribute running past the end
                        byte[] p = valid.clone();
                        p[39] = (byte) 250;
                        malformed.add(p);
                    }
                    default -> { // oversized
                        byte[] p = Arrays.copyOf(valid, 4200 + random.nextInt(800));
                        p[2] = (byte) (p.length >> 8);
                        p[3] = (byte) p.length;
                        malformed.add(p);
                    }
                }
            }
            int answered = 0;
            for (int i = 0; i < malformed.size(); i++) {
                udp.send(h.radius.authPort(), malformed.get(i));
                if (i % 200 == 199) { // a valid request between bursts: answered, and it keeps the socket buffer from overflowing
                    if (udp.exchange(h.radius.authPort(), TestPackets.statusServer(i / 200, RadiusHarness.SECRET)).isPresent()) {
                        answered++;
                    }
                }
            }
            assertEquals(50, answered, "every valid request answered");
            long counted = h.metrics.dropped(DropReason.MALFORMED_LENGTH) + h.metrics.dropped(DropReason.MALFORMED_ATTRIBUTE);
            assertEquals(10_000, counted, "every malformed datagram dropped and counted");
        }
    }
}
