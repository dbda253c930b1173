package io.steppe.db.cluster;

import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one database: what one commits, the other hears of; what one rolls back, nobody does. */
class CacheNoticesTest {

    /** What a handler heard, one element a notice: its keys, or "*" when everything changed. */
    static final List<String> EVERYTHING = List.of("*");

    @TempDir
    Path home;
    Database a;
    Database b;
    CacheNotices atA;
    CacheNotices atB;
    final BlockingQueue<List<String>> heardByA = new LinkedBlockingQueue<>();
    final BlockingQueue<List<String>> heardByB = new LinkedBlockingQueue<>();

    @BeforeEach
    void twoNodes() throws InterruptedException {
        TestDatabases.Location shared = TestDatabases.fresh();
        a = Database.open(shared.config(home.resolve("a")));
        b = Database.open(shared.config(home.resolve("b")));
        atA = CacheNotices.listen(a);
        atB = CacheNotices.listen(b);
        atA.on("voucher", recorder(heardByA));
        atB.on("voucher", recorder(heardByB));
        // On connecting, each is told that everything may have changed meanwhile.
        assertEquals(EVERYTHING, heardByA.poll(10, TimeUnit.SECONDS));
        assertEquals(EVERYTHING, heardByB.poll(10, TimeUnit.SECONDS));
        // A handler added as the connection came up may have been told twice; each test starts from nothing heard.
        assertTrue(waitUntilListening(atA) && waitUntilListening(atB));
        heardByA.clear();
        heardByB.clear();
    }

    @AfterEach
    void close() {
        atA.close();
        atB.close();
        a.close();
        b.close();
    }

    static CacheNotices.Handler recorder(BlockingQueue<List<String>> heard) {
        return CacheNotices.handler(heard::add, () -> heard.add(EVERYTHING));
    }

    static String voucher(DSLContext dsl, String hash) {
        long subscriber = dsl.insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "voucher").returning(SUBSCRIBER.ID).fetchOne().getId();
        dsl.insertInto(VOUCHER).set(VOUCHER.CODE_HASH, hash).set(VOUCHER.SUBSCRIBER_ID, subscriber).set(VOUCHER.MINUTES, 60)
                .set(VOUCHER.MAX_DEVICES, 2).set(VOUCHER.VALID_UNTIL, OffsetDateTime.now().plusDays(1)).execute();
        return hash;
    }

    @Test
    void aDeviceBoundThroughOneNodeIsHeardOfByTheOtherOnly() throws InterruptedException {
        String hash = voucher(b.dsl(), "a".repeat(64));
        b.dsl().insertInto(VOUCHER_DEVICE).set(VOUCHER_DEVICE.CODE_HASH, hash).set(VOUCHER_DEVICE.MAC, "aa:bb:cc:00:00:01")
                .set(VOUCHER_DEVICE.FIRST_SEEN, OffsetDateTime.now()).execute();
        assertEquals(List.of(hash), heardByA.poll(5, TimeUnit.SECONDS));
        b.dsl().update(VOUCHER).set(VOUCHER.VALID_UNTIL, OffsetDateTime.now()).where(VOUCHER.CODE_HASH.eq(hash)).execute();
        assertEquals(List.of(hash), heardByA.poll(5, TimeUnit.SECONDS), "a voucher revoked");
        assertNull(heardByB.poll(500, TimeUnit.MILLISECONDS), "a node applies its own changes as it commits them");
    }

    @Test
    void aChangeRolledBackIsHeardOfByNobody() throws InterruptedException {
        String hash = voucher(b.dsl(), "b".repeat(64));
        assertThrows(IllegalStateException.class, () -> b.dsl().transaction(tx -> {
            tx.dsl().update(VOUCHER).set(VOUCHER.MINUTES, 1).where(VOUCHER.CODE_HASH.eq(hash)).execute();
            throw new IllegalStateException("rolled back");
        }));
        a.dsl().update(VOUCHER).set(VOUCHER.MINUTES, 2).where(VOUCHER.CODE_HASH.eq(hash)).execute();
        assertEquals(List.of(hash), heardByB.poll(5, TimeUnit.SECONDS), "the next change that did commit");
        assertNull(heardByA.poll(500, TimeUnit.MILLISECONDS));
    }

    @Test
    void moreChangesThanANoticeHoldsSayThatEverythingChanged() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            voucher(b.dsl(), String.format("%064d", i));
        }
        b.dsl().update(VOUCHER).set(VOUCHER.MINUTES, 30).execute();
        assertEquals(EVERYTHING, heardByA.poll(5, TimeUnit.SECONDS), "200 hashes do not fit in 8000 bytes");
    }

    @Test
    void aNodeThatLostItsListeningConnectionHearsThatEverythingChanged() throws InterruptedException {
        int ended = a.dsl().fetchValue(DSL.select(DSL.field("count(pg_terminate_backend(pid))", Integer.class))
                .from(DSL.table("pg_stat_activity")).where(DSL.field("application_name").eq(b.node()))
                .and(DSL.field("query").eq("LISTEN " + CacheNotices.CHANNEL)));
        assertEquals(1, ended);
        assertEquals(EVERYTHING, heardByB.poll(10, TimeUnit.SECONDS), "after it listens again");
        assertTrue(waitUntilListening(atB));
        String hash = voucher(a.dsl(), "c".repeat(64));
        a.dsl().update(VOUCHER).set(VOUCHER.MINUTES, 2).where(VOUCHER.CODE_HASH.eq(hash)).execute();
        assertEquals(List.of(hash), heardByB.poll(5, TimeUnit.SECONDS), "and hears each change again");
    }

    static boolean waitUntilListening(CacheNotices notices) throws InterruptedException {
        for (int i = 0; i < 100 && !notices.isListening(); i++) {
            Thread.sleep(100);
        }
        return notices.isListening();
    }
}
