package io.steppe.radius.accounting;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.radius.packet.AccountingRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountingStoreTest {

    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    @TempDir
    Path home;
    TestDatabases.Location where;
    Database db;
    final AccountingStore store = new AccountingStore(TestKeys.fixed());
    TestRecords records;

    @BeforeEach
    void open() {
        where = TestDatabases.fresh();
        db = Database.open(where.config(home));
        records = TestRecords.ofNewGateway(db.dsl());
    }

    @AfterEach
    void close() {
        db.close();
    }

    AccountingRecord record(AccountingRecord.Kind kind, String session, Instant at, long seconds, Integer interim) {
        return records.of(kind, session, at, seconds, interim);
    }

    void apply(AccountingRecord r) {
        store.commitAll(db.dsl(), List.of(r));
    }

    @Test
    void retransmittedStartOpensOneSessionAndCountersNeverGoBack() {
        apply(record(AccountingRecord.Kind.START, "a", T0, 0, 300));
        apply(record(AccountingRecord.Kind.START, "a", T0, 0, 300));
        apply(record(AccountingRecord.Kind.INTERIM_UPDATE, "a", T0.plusSeconds(600), 600, null));
        apply(record(AccountingRecord.Kind.INTERIM_UPDATE, "a", T0.plusSeconds(300), 300, null)); // arrives late
        assertEquals(1, db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        assertEquals(600, db.dsl().selectFrom(RADIUS_SESSION_OPEN).fetchSingle().getSessionTime());
    }

    @Test
    void stopWithoutStartIsRecordedOnceAndLateRecordsDoNotReopenIt() {
        apply(record(AccountingRecord.Kind.STOP, "b", T0.plusSeconds(900), 900, null));
        apply(record(AccountingRecord.Kind.STOP, "b", T0.plusSeconds(900), 900, null));
        apply(record(AccountingRecord.Kind.INTERIM_UPDATE, "b", T0.plusSeconds(300), 300, null));
        apply(record(AccountingRecord.Kind.START, "b", T0, 0, null));
        assertEquals(0, db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        assertEquals(1, db.dsl().fetchCount(RADIUS_SESSION));
        assertEquals("Idle-Timeout", db.dsl().selectFrom(RADIUS_SESSION).fetchSingle().getTerminateCause());
    }

    @Test
    void sessionsSilentForTwiceTheirIntervalPlusGraceAreClosedAsStale() {
        apply(record(AccountingRecord.Kind.START, "quiet", T0, 0, 300));
        apply(record(AccountingRecord.Kind.START, "talking", T0, 0, 300));
        apply(record(AccountingRecord.Kind.INTERIM_UPDATE, "talking", T0.plusSeconds(900), 900, null));
        Instant now = T0.plusSeconds(2 * 300 + 300 + 1);
        int closed = db.dsl().transactionResult(tx -> store.closeStale(tx.dsl(), now, 300, Duration.ofSeconds(300)));
        assertEquals(1, closed);
        assertEquals("u-talking", db.dsl().selectFrom(RADIUS_SESSION_OPEN).fetchSingle().getUniqueId());
        assertEquals("Stale-Session", db.dsl().selectFrom(RADIUS_SESSION).fetchSingle().getTerminateCause());
    }

    @Test
    void aBatchOfInterimUpdatesUpdatesOpenSessionsAndOpensThoseWhoseStartWasLost() {
        apply(record(AccountingRecord.Kind.START, "x", T0, 0, 300));
        apply(record(AccountingRecord.Kind.START, "y", T0, 0, 300));
        store.commitAll(db.dsl(), List.of(
                record(AccountingRecord.Kind.INTERIM_UPDATE, "x", T0.plusSeconds(300), 300, null),
                record(AccountingRecord.Kind.INTERIM_UPDATE, "y", T0.plusSeconds(600), 600, null),
                record(AccountingRecord.Kind.INTERIM_UPDATE, "z", T0.plusSeconds(900), 900, null)));
        assertEquals(3, db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        assertEquals(List.of(300L, 600L, 900L), db.dsl().select(RADIUS_SESSION_OPEN.SESSION_TIME).from(RADIUS_SESSION_OPEN)
                .orderBy(RADIUS_SESSION_OPEN.UNIQUE_ID).fetch(RADIUS_SESSION_OPEN.SESSION_TIME));
        assertEquals(90_000L, db.dsl().select(RADIUS_SESSION_OPEN.OUTPUT_OCTETS).from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.UNIQUE_ID.eq("u-z")).fetchOne().value1() / 10);
    }

    @Test
    void aMixedBatchEndsAsIfEachRecordHadBeenAppliedInTurn() {
        apply(record(AccountingRecord.Kind.START, "b", T0, 0, 300));
        apply(record(AccountingRecord.Kind.START, "c", T0, 0, 300));
        store.commitAll(db.dsl(), List.of(
                record(AccountingRecord.Kind.START, "a", T0, 0, 300),
                record(AccountingRecord.Kind.INTERIM_UPDATE, "b", T0.plusSeconds(600), 600, null),
                record(AccountingRecord.Kind.INTERIM_UPDATE, "c", T0.plusSeconds(600), 600, null),
                record(AccountingRecord.Kind.INTERIM_UPDATE, "a", T0.plusSeconds(300), 300, null),
                record(AccountingRecord.Kind.STOP, "c", T0.plusSeconds(900), 900, null),
                record(AccountingRecord.Kind.INTERIM_UPDATE, "d", T0.plusSeconds(900), 900, null)));
        assertEquals(List.of("u-a", "u-b", "u-d"), db.dsl().select(RADIUS_SESSION_OPEN.UNIQUE_ID).from(RADIUS_SESSION_OPEN)
                .orderBy(RADIUS_SESSION_OPEN.UNIQUE_ID).fetch(RADIUS_SESSION_OPEN.UNIQUE_ID));
        assertEquals(List.of(300L, 600L, 900L), db.dsl().select(RADIUS_SESSION_OPEN.SESSION_TIME).from(RADIUS_SESSION_OPEN)
                .orderBy(RADIUS_SESSION_OPEN.UNIQUE_ID).fetch(RADIUS_SESSION_OPEN.SESSION_TIME));
        assertEquals(900L, db.dsl().select(RADIUS_SESSION.SESSION_TIME).from(RADIUS_SESSION)
                .where(RADIUS_SESSION.UNIQUE_ID.eq("u-c")).fetchSingle().value1());

        // The gateway restarts between two Interim-Updates of the same batch: the one before counts, the one after
        // is late and reopens nothing.
        store.commitAll(db.dsl(), List.of(
                record(AccountingRecord.Kind.INTERIM_UPDATE, "b", T0.plusSeconds(900), 900, null),
                record(AccountingRecord.Kind.ACCOUNTING_ON, "on", T0.plusSeconds(1000), 0, null),
                record(AccountingRecord.Kind.INTERIM_UPDATE, "a", T0.plusSeconds(1200), 1200, null)));
        assertEquals(0, db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        assertEquals(List.of(300L, 900L, 900L, 900L), db.dsl().select(RADIUS_SESSION.SESSION_TIME).from(RADIUS_SESSION)
                .orderBy(RADIUS_SESSION.UNIQUE_ID).fetch(RADIUS_SESSION.SESSION_TIME));
    }

    /**
     * Counted on the wire: a batch of Interim-Updates costs one round trip, its COMMIT going with the update, and a
     * record that is applied alone adds one.
     */
    @Test
    void aBatchOfInterimUpdatesIsCommittedInOneRoundTrip() throws Exception {
        List<String> sessions = List.of("x", "y", "z");
        sessions.forEach(s -> apply(record(AccountingRecord.Kind.START, s, T0, 0, 300)));
        try (WireTap tap = new WireTap(where); Connection c = tap.connect()) {
            DSLContext dsl = DSL.using(c, SQLDialect.POSTGRES, new Settings().withRenderSchema(false));
            store.commitAll(dsl, interims(sessions, 300)); // a new connection's first statements are not the steady state
            int before = tap.roundTrips();
            store.commitAll(dsl, interims(sessions, 600));
            assertEquals(1, tap.roundTrips() - before);

            before = tap.roundTrips();
            List<AccountingRecord> mixed = new ArrayList<>(interims(sessions, 900));
            mixed.add(1, record(AccountingRecord.Kind.START, "w", T0, 0, 300));
            store.commitAll(dsl, mixed);
            assertEquals(2, tap.roundTrips() - before, "the Start, then the updates with the commit");
        }
        assertEquals(List.of(0L, 900L, 900L, 900L), db.dsl().select(RADIUS_SESSION_OPEN.SESSION_TIME).from(RADIUS_SESSION_OPEN)
                .orderBy(RADIUS_SESSION_OPEN.UNIQUE_ID).fetch(RADIUS_SESSION_OPEN.SESSION_TIME));
    }

    List<AccountingRecord> interims(List<String> sessions, long seconds) {
        return sessions.stream().map(s -> record(AccountingRecord.Kind.INTERIM_UPDATE, s, T0.plusSeconds(seconds), seconds, null)).toList();
    }
}
