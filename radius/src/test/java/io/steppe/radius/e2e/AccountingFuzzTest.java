package io.steppe.radius.e2e;

import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.schema.tables.records.RadiusSessionOpenRecord;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.packet.AccountingWarning;
import io.steppe.radius.packet.CounterBounds;
import io.steppe.radius.packet.DropReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad accounting records mixed into bursts of good ones, over real UDP into the real writer and PostgreSQL: every
 * good record is stored and acknowledged, every record with a value that cannot be stored is dropped and counted
 * alone (or stored without that value, counted as a warning), and none of them costs a batch-mate anything.
 */
class AccountingFuzzTest {

    private static final int ROUNDS = 4;
    private static final int PER_ROUND = 100;

    /** What an item of the burst is, and so what must become of it. */
    private enum Shape {
        GOOD(Fate.STORED, null, 0),
        LONGEST_IDS(Fate.STORED, null, 0), // Acct-Session-Id and User-Name of 253 octets, the most an attribute holds
        NUL_IN_USER_NAME(Fate.DROPPED, null, 0),
        NUL_IN_SESSION_ID(Fate.DROPPED, null, 0),
        NOT_UTF8_USER_NAME(Fate.DROPPED, null, 0),
        NEWLINE_IN_SESSION_ID(Fate.DROPPED, null, 0),
        ABSURD_GIGAWORDS(Fate.STORED, AccountingWarning.IMPLAUSIBLE_OCTETS, 2), // both directions
        ABSURD_SESSION_TIME(Fate.STORED, AccountingWarning.IMPLAUSIBLE_SESSION_TIME, 1),
        SSID_NOT_TEXT(Fate.STORED, AccountingWarning.CALLED_STATION_ID_NOT_TEXT, 1),
        BINARY_CLASS(Fate.STORED, AccountingWarning.CLASS_NOT_TEXT, 1);

        final Fate fate;
        final AccountingWarning warning;
        final int warnings;

        Shape(Fate fate, AccountingWarning warning, int warnings) {
            this.fate = fate;
            this.warning = warning;
            this.warnings = warnings;
        }
    }

    private enum Fate { STORED, DROPPED }

    @TempDir
    Path home;

    @Test
    void everyGoodRecordIsStoredAndAcknowledgedAndEveryBadOneFailsAlone() throws Exception {
        Random random = new Random(20261126);
        Map<Shape, Integer> made = new EnumMap<>(Shape.class);
        Map<String, Shape> storedSessions = new HashMap<>();
        try (RadiusHarness h = new RadiusHarness(home, MessageAuthenticatorPolicy.AUTO); TestPackets udp = new TestPackets()) {
            for (int round = 0; round < ROUNDS; round++) {
                Map<Integer, String> expected = new HashMap<>(); // identifier -> session id of what must be acknowledged
                for (int id = 0; id < PER_ROUND; id++) {
                    // Half good, half spread over the bad shapes.
                    Shape shape = random.nextBoolean() ? Shape.GOOD : Shape.values()[1 + random.nextInt(Shape.values().length - 1)];
                    made.merge(shape, 1, Integer::sum);
                    String session = "fz-" + round + "-" + id;
                    udp.send(h.radius.acctPort(), record(shape, id, session, random));
                    if (shape.fate == Fate.STORED) {
                        String stored = shape == Shape.LONGEST_IDS ? longest(session) : session;
                        expected.put(id, stored);
                        storedSessions.put(stored, shape);
                    }
                }
                Set<Integer> acknowledged = new HashSet<>();
                Optional<byte[]> reply;
                while (acknowledged.size() < expected.size() && (reply = udp.receive()).isPresent()) {
                    assertEquals(5, reply.get()[0], "Accounting-Response");
                    acknowledged.add(reply.get()[1] & 0xff);
                }
                assertEquals(expected.keySet(), acknowledged, "round " + round + ": exactly the storable records acknowledged");
                assertTrue(udp.receive().isEmpty(), "nothing else answered");
            }

            List<RadiusSessionOpenRecord> rows = h.db.dsl().selectFrom(RADIUS_SESSION_OPEN).fetch();
            Set<String> stored = new HashSet<>();
            for (RadiusSessionOpenRecord row : rows) {
                stored.add(row.getSessionId());
                Shape shape = storedSessions.get(row.getSessionId());
                assertTrue(row.getInputOctets() <= CounterBounds.maxOctets(row.getSessionTime())
                        && row.getOutputOctets() <= CounterBounds.maxOctets(row.getSessionTime()), "plausible counters: " + row);
                if (shape == Shape.ABSURD_GIGAWORDS) {
                    assertEquals(0, row.getInputOctets() + row.getOutputOctets(), "implausible counters are not stored");
                }
                if (shape == Shape.ABSURD_SESSION_TIME) {
                    assertEquals(0, row.getSessionTime(), "an implausible session time is not stored");
                }
                if (shape == Shape.SSID_NOT_TEXT) {
                    assertEquals(null, row.getSsid());
                }
                if (shape == Shape.BINARY_CLASS) {
                    assertEquals("0x0001ff", row.getClass_());
                }
            }
            assertEquals(storedSessions.keySet(), stored, "every acknowledged record stored, none of the dropped ones");

            int dropped = 0;
            for (Shape shape : Shape.values()) {
                if (shape.fate == Fate.DROPPED) {
                    dropped += made.getOrDefault(shape, 0);
                }
                if (shape.warning != null) {
                    assertEquals((long) shape.warnings * made.getOrDefault(shape, 0), h.metrics.warned(shape.warning), shape + " counted");
                }
            }
            assertTrue(dropped > 0 && made.getOrDefault(Shape.GOOD, 0) > 100, "the seed mixes both: " + made);
            assertEquals(dropped, h.metrics.dropped(DropReason.INVALID_TEXT), "each bad record counted once");
            assertEquals(0, h.metrics.dropped(DropReason.DATABASE_ERROR) + h.metrics.dropped(DropReason.REFUSED_BY_DATABASE)
                    + h.metrics.dropped(DropReason.UNDECODABLE), "no bad value reached the database");
        }
    }

    private static byte[] record(Shape shape, int id, String session, Random random) {
        byte[] user = ("user-" + session).getBytes(StandardCharsets.US_ASCII);
        byte[] sessionId = session.getBytes(StandardCharsets.US_ASCII);
        long sessionTime = 60 + random.nextInt(3600);
        long octets = random.nextInt(1 << 30);
        long gigawords = 0;
        byte[] called = "02-00-5E-10-00-01:Ulanqab-Free".getBytes(StandardCharsets.US_ASCII);
        List<byte[]> extra = new ArrayList<>();
        switch (shape) {
            case LONGEST_IDS -> {
                sessionId = longest(session).getBytes(StandardCharsets.US_ASCII);
                user = sessionId;
            }
            case NUL_IN_USER_NAME -> user[2] = 0;
            case NUL_IN_SESSION_ID -> sessionId = (session + "\u0000x").getBytes(StandardCharsets.US_ASCII);
            case NOT_UTF8_USER_NAME -> user = new byte[] {'u', (byte) 0xc3, (byte) 0x28, (byte) 0xff};
            case NEWLINE_IN_SESSION_ID -> sessionId = (session + "\nforged log line").getBytes(StandardCharsets.US_ASCII);
            case ABSURD_GIGAWORDS -> gigawords = 0x7fffffffL;
            case ABSURD_SESSION_TIME -> sessionTime = 0xffffffffL;
            case SSID_NOT_TEXT -> called = concat("02-00-5E-10-00-01:".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xff, 0, 'x'});
            case BINARY_CLASS -> extra.add(TestPackets.attribute(25, new byte[] {0, 1, (byte) 0xff}));
            default -> {
            }
        }
        List<byte[]> attributes = new ArrayList<>(List.of(
                TestPackets.integer(40, random.nextBoolean() ? 1 : 3), // Start or Interim-Update
                TestPackets.attribute(1, user),
                TestPackets.attribute(44, sessionId),
                TestPackets.attribute(31, "AA-BB-CC-00-00-01".getBytes(StandardCharsets.US_ASCII)),
                TestPackets.attribute(30, called),
                TestPackets.integer(46, sessionTime),
                TestPackets.integer(42, octets & 0xffffffffL),
                TestPackets.integer(52, gigawords + (octets >>> 32)),
                TestPackets.integer(43, octets & 0xffffffffL),
                TestPackets.integer(53, gigawords + (octets >>> 32))));
        attributes.addAll(extra);
        return TestPackets.accountingRequest(id, RadiusHarness.SECRET, attributes.toArray(byte[][]::new));
    }

    private static String longest(String session) {
        char[] pad = new char[253 - session.length()];
        Arrays.fill(pad, 'L');
        return session + new String(pad);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
