package io.steppe.radius.accounting;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.radius.RadiusMetrics;
import io.steppe.radius.packet.AccountingRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountingWriterTest {

    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    @TempDir
    Path home;
    TestDatabases.Location where;
    Database db;
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

    /**
     * A gateway that reboots sends Accounting-On, then Starts for its new sessions. Every session started
     * before it is closed, even those still being committed when it arrived, and none started after it.
     */
    @Test
    void accountingOnClosesEverySessionBeforeItAndNoneAfterIt() throws Exception {
        Set<String> committedKinds = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> saved = new ArrayList<>();
        try (AccountingWriter writer = new AccountingWriter(db.dsl(), new AccountingStore(TestKeys.fixed()), new RadiusMetrics() { }, 1000, 10_000, System::nanoTime,
                committed -> committed.forEach(r -> committedKinds.add(r.kind().name())))) {
            for (int i = 0; i < 200; i++) {
                saved.add(writer.submit(records.of(AccountingRecord.Kind.START, "before-" + i, T0, 0, 300)));
            }
            saved.add(writer.submit(records.of(AccountingRecord.Kind.ACCOUNTING_ON, "reboot", T0.plusSeconds(60), 0, null)));
            for (int i = 0; i < 200; i++) {
                saved.add(writer.submit(records.of(AccountingRecord.Kind.START, "after-" + i, T0.plusSeconds(90), 0, 300)));
            }
            CompletableFuture.allOf(saved.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        Set<String> open = db.dsl().select(RADIUS_SESSION_OPEN.SESSION_ID).from(RADIUS_SESSION_OPEN).fetchSet(RADIUS_SESSION_OPEN.SESSION_ID);
        Set<String> closedByReboot = db.dsl().select(RADIUS_SESSION.SESSION_ID).from(RADIUS_SESSION)
                .where(RADIUS_SESSION.TERMINATE_CAUSE.eq("NAS-Reboot")).fetchSet(RADIUS_SESSION.SESSION_ID);
        assertEquals(200, open.size());
        assertEquals(Set.of(), open.stream().filter(s -> !s.startsWith("after-")).collect(Collectors.toSet()));
        assertEquals(200, closedByReboot.size());
        assertEquals(Set.of(), closedByReboot.stream().filter(s -> !s.startsWith("before-")).collect(Collectors.toSet()));
        assertEquals(Set.of("START", "ACCOUNTING_ON"), committedKinds);
    }

    /**
     * Records of a gateway removed while they waited (their nas_id is gone: a foreign-key violation) fail alone, as
     * {@link AccountingWriter.Refused}, and every other record of their batches is saved and acknowledged.
     */
    @Test
    void aRecordTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsSaved() throws Exception {
        TestRecords removedGateway = new TestRecords(records.nasId() + 1000);
        List<CompletableFuture<Void>> good = new ArrayList<>();
        List<CompletableFuture<Void>> bad = new ArrayList<>();
        try (AccountingWriter writer = new AccountingWriter(db.dsl(), new AccountingStore(TestKeys.fixed()), new RadiusMetrics() { }, 1000, 10_000, System::nanoTime,
                committed -> { })) {
            for (int i = 0; i < 300; i++) {
                AccountingRecord.Kind kind = i % 2 == 0 ? AccountingRecord.Kind.START : AccountingRecord.Kind.INTERIM_UPDATE;
                if (i % 7 == 3) {
                    bad.add(writer.submit(removedGateway.of(kind, "gone-" + i, T0, i, 300)));
                } else {
                    good.add(writer.submit(records.of(kind, "kept-" + i, T0.plusSeconds(i), i, 300)));
                }
            }
            CompletableFuture.allOf(good.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (CompletableFuture<Void> refused : bad) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
                assertInstanceOf(AccountingWriter.Refused.class, e.getCause());
            }
        }
        assertEquals(good.size(), db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        assertEquals(0, db.dsl().fetchCount(RADIUS_SESSION_OPEN, RADIUS_SESSION_OPEN.SESSION_ID.startsWith("gone-")));
    }

    /** Small batches, so that a session's records often fall in different ones. */
    @Test
    void startsInterimsAndStopsOfManySessionsEndAsOneClosedSessionEach() throws Exception {
        List<CompletableFuture<Void>> saved = new ArrayList<>();
        try (AccountingWriter writer = new AccountingWriter(db.dsl(), new AccountingStore(TestKeys.fixed()), new RadiusMetrics() { }, 7, 10_000, System::nanoTime,
                committed -> { })) {
            for (int i = 0; i < 100; i++) {
                String session = "s-" + i;
                saved.add(writer.submit(records.of(AccountingRecord.Kind.START, session, T0, 0, 300)));
                saved.add(writer.submit(records.of(AccountingRecord.Kind.INTERIM_UPDATE, session, T0.plusSeconds(300), 300, null)));
                saved.add(writer.submit(records.of(AccountingRecord.Kind.STOP, session, T0.plusSeconds(420), 420, null)));
            }
            CompletableFuture.allOf(saved.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertEquals(0, db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        assertEquals(List.of(420L), db.dsl().selectDistinct(RADIUS_SESSION.SESSION_TIME).from(RADIUS_SESSION).fetch(RADIUS_SESSION.SESSION_TIME));
        assertEquals(List.of("Idle-Timeout"), db.dsl().selectDistinct(RADIUS_SESSION.TERMINATE_CAUSE).from(RADIUS_SESSION)
                .fetch(RADIUS_SESSION.TERMINATE_CAUSE));
        assertEquals(100, db.dsl().fetchCount(RADIUS_SESSION));
    }

    /**
     * Each record's acknowledgement checks, from another connection and at that moment, that its update is there:
     * so it is committed. The writer is held on its first batch while the records queue, so that every check is in
     * place before its record can be acknowledged.
     */
    @Test
    void aRecordIsAcknowledgedOnlyOnceItsTransactionHasCommitted() throws Exception {
        List<String> sessions = IntStream.range(0, 50).mapToObj(i -> "s-" + i).toList();
        AccountingStore store = new AccountingStore(TestKeys.fixed());
        store.commitAll(db.dsl(), sessions.stream().map(s -> records.of(AccountingRecord.Kind.START, s, T0, 0, 300)).toList());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Map<String, Long> seenAtAcknowledgement = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> checked = new ArrayList<>();
        try (AccountingWriter writer = new AccountingWriter(db.dsl(), store, new RadiusMetrics() { }, 1000, 10_000, System::nanoTime,
                committed -> {
                    if (committed.get(0).sessionId().equals("hold")) {
                        holding.countDown();
                        awaitQuietly(release);
                    }
                })) {
            writer.submit(records.of(AccountingRecord.Kind.START, "hold", T0, 0, 300));
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            for (String s : sessions) {
                checked.add(writer.submit(records.of(AccountingRecord.Kind.INTERIM_UPDATE, s, T0.plusSeconds(600), 600, null))
                        .thenRun(() -> seenAtAcknowledgement.put(s, db.dsl().select(RADIUS_SESSION_OPEN.SESSION_TIME).from(RADIUS_SESSION_OPEN)
                                .where(RADIUS_SESSION_OPEN.SESSION_ID.eq(s)).fetchSingle().value1())));
            }
            release.countDown();
            CompletableFuture.allOf(checked.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertEquals(sessions.stream().collect(Collectors.toMap(s -> s, s -> 600L)), seenAtAcknowledgement);
    }

    /**
     * The connection is lost as the COMMIT is sent: the updates sent before it are rolled back by PostgreSQL, and
     * not one record of the batch, nor of the batches after it, is acknowledged or reported as saved.
     */
    @Test
    void aBatchWhoseCommitIsLostIsNeverAcknowledged() throws Exception {
        List<String> sessions = IntStream.range(0, 20).mapToObj(i -> "s-" + i).toList();
        AccountingStore store = new AccountingStore(TestKeys.fixed());
        store.commitAll(db.dsl(), sessions.stream().map(s -> records.of(AccountingRecord.Kind.START, s, T0, 0, 300)).toList());
        List<AccountingRecord> toldSaved = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> acknowledged = new ArrayList<>();
        try (WireTap tap = new WireTap(where); Connection c = tap.connect();
             AccountingWriter writer = new AccountingWriter(DSL.using(c, SQLDialect.POSTGRES, new Settings().withRenderSchema(false)), store,
                     new RadiusMetrics() { }, 1000, 10_000, System::nanoTime, toldSaved::addAll)) {
            tap.cutAtCommit();
            for (String s : sessions) {
                acknowledged.add(writer.submit(records.of(AccountingRecord.Kind.INTERIM_UPDATE, s, T0.plusSeconds(600), 600, null)));
            }
            for (CompletableFuture<Void> a : acknowledged) {
                assertThrows(ExecutionException.class, () -> a.get(30, TimeUnit.SECONDS));
            }
        }
        assertEquals(List.of(), toldSaved);
        assertEquals(List.of(0L), db.dsl().selectDistinct(RADIUS_SESSION_OPEN.SESSION_TIME).from(RADIUS_SESSION_OPEN)
                .fetch(RADIUS_SESSION_OPEN.SESSION_TIME));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
