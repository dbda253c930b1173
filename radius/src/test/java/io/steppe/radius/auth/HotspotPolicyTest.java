package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.REMEMBERED_DEVICE;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;
import static io.steppe.radius.auth.HotspotFixture.LAPTOP;
import static io.steppe.radius.auth.HotspotFixture.PHONE;
import static io.steppe.radius.auth.HotspotFixture.TABLET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.net.MacAddress;
import io.steppe.radius.packet.AccessAttempt;
import io.steppe.radius.packet.AccountingRecord;
import io.steppe.radius.packet.AuthDecision;
import io.steppe.radius.packet.RejectReason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.Inet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy against a real database: what it reads, what it writes and keeps in memory, the same answer from
 * memory as from the database, and the guarantees that hold across nodes. The rules themselves, one by one, are
 * {@link HotspotRulesTest}'s.
 */
class HotspotPolicyTest {

    @TempDir
    Path home;
    HotspotFixture f;
    HotspotPolicy policy;

    @BeforeEach
    void open() {
        f = new HotspotFixture(home);
        policy = f.node(f.cache());
    }

    @AfterEach
    void close() {
        f.close();
    }

    AuthDecision login(String user, String password, MacAddress device) {
        return policy.decide(f.attempt(user, password, device));
    }

    AuthDecision macAuth(MacAddress device) {
        return policy.decide(f.macAuth(device));
    }

    Optional<AuthDecision> fromMemory(String user, String password, MacAddress device) {
        return policy.decideFromMemory(f.attempt(user, password, device));
    }

    static RejectReason refused(AuthDecision decision) {
        return assertInstanceOf(AuthDecision.Reject.class, decision).reason();
    }

    @Test
    void aFirstLoginWritesWhatItDecidedOnceItIsDecided() {
        String code = f.voucher(90, Duration.ofDays(2), 1);
        assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE));
        assertEquals(1, f.devicesOf(code), "its device bound");
        assertTrue(f.db.dsl().fetchExists(VOUCHER, VOUCHER.CODE_HASH.eq(VoucherIssuer.codeHash(f.keys, code))
                .and(VOUCHER.FIRST_USED_AT.eq(f.now()))), "its first use recorded");
        assertTrue(f.db.dsl().fetchExists(REMEMBERED_DEVICE, REMEMBERED_DEVICE.MAC.eq(PHONE.toString())), "its device remembered");
    }

    @Test
    void aVoucherForeseenForThePortalWritesNothingAndIsOnlyEverACode() {
        String code = f.voucher(90, Duration.ofDays(2), 1);
        AuthDecision.Accept foreseen = assertInstanceOf(AuthDecision.Accept.class,
                policy.foreseeVoucher(code.substring(0, 5) + " " + code.substring(5).toLowerCase(), PHONE));
        assertEquals(0, f.devicesOf(code), "no device bound");
        assertEquals(foreseen.subscriberId(), assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE)).subscriberId());
        f.remember(TABLET, f.phoneSubscriber("en"));
        assertEquals(RejectReason.UNKNOWN_USER, refused(policy.foreseeVoucher(TABLET.toString(), TABLET)), "a remembered MAC is no voucher");
    }

    @Test
    void theSessionsToDisconnectAreThoseOfSubscribersWithNothingLeft() {
        String spent = f.voucher(30, Duration.ofDays(5), 1);
        long voucherSpent = ((AuthDecision.Accept) login(spent, spent, PHONE)).subscriberId();
        f.closedSession(voucherSpent, "v1", f.clock.instant().minus(Duration.ofDays(2)), 20 * 60, 0); // a voucher counts every day
        f.closedSession(voucherSpent, "v2", f.clock.instant().minusSeconds(3600), 15 * 60, 0);
        String half = f.voucher(30, Duration.ofDays(5), 1);
        long voucherLeft = ((AuthDecision.Accept) login(half, half, TABLET)).subscriberId();
        f.closedSession(voucherLeft, "v3", f.clock.instant().minusSeconds(3600), 20 * 60, 0);
        long timeSpent = f.phoneSubscriber("zh");
        f.closedSession(timeSpent, "p1", f.clock.instant().minusSeconds(9000), 130 * 60, 0);
        long spentYesterday = f.phoneSubscriber("mn");
        f.closedSession(spentYesterday, "p2", f.clock.instant().minus(Duration.ofHours(12)), 120 * 60, 0); // 22:00 the day before
        long dataSpent = f.phoneSubscriber("ru");
        f.closedSession(dataSpent, "p3", f.clock.instant().minusSeconds(600), 60, (1L << 30) + 1000);
        String lapsed = f.voucher(30, Duration.ofDays(5), 1);
        long voucherLapsed = ((AuthDecision.Accept) login(lapsed, lapsed, LAPTOP)).subscriberId();
        f.db.dsl().update(VOUCHER).set(VOUCHER.VALID_UNTIL, f.now().minusHours(1)).where(VOUCHER.SUBSCRIBER_ID.eq(voucherLapsed)).execute();
        List<Long> subscribers = List.of(voucherSpent, voucherLeft, timeSpent, spentYesterday, dataSpent, voucherLapsed);
        for (int i = 0; i < subscribers.size(); i++) {
            f.openSession(subscribers.get(i), "open-" + i, MacAddress.parse("aa:bb:cc:00:02:0" + i));
        }

        assertEquals(List.of("open-0", "open-2", "open-4", "open-5"), policy.sessionsWithNothingLeft().stream().sorted().toList());
        for (int i = 0; i < subscribers.size(); i++) {
            HotspotPolicy.Remaining left = policy.remaining(subscribers.get(i));
            assertEquals(i % 2 == 0 || i == 5, left.seconds() == 0 || left.octets() == 0, "as remaining() has it for subscriber " + i);
        }
    }

    @Test
    void aMacWrittenAsTheGatewayWritesItIsTheDevice() {
        String code = f.voucher(90, Duration.ofDays(2), 1);
        assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE));
        assertInstanceOf(AuthDecision.Accept.class, login("AA-BB-CC-00-00-01", "AA-BB-CC-00-00-01", PHONE),
                "the MAC as CoovaChilli's macauth sends it");
    }

    /** The attack: a spoofed MAC on another gateway than the one its owner logged in on. */
    @Test
    void aRememberedDeviceIsLetInOnlyOnTheGatewayWhereItLoggedIn() {
        long subscriber = f.phoneSubscriber("en");
        f.remember(PHONE, subscriber);
        AccessAttempt elsewhere = f.attempt(f.otherGateway, PHONE.toString(), PHONE.toString(), PHONE);
        assertEquals(Optional.empty(), policy.decideFromMemory(elsewhere));
        assertEquals(RejectReason.DEVICE_NOT_REMEMBERED, refused(policy.decide(elsewhere)));
        assertInstanceOf(AuthDecision.Accept.class, macAuth(PHONE));
        assertInstanceOf(AuthDecision.Accept.class, fromMemory(PHONE.toString(), PHONE.toString(), PHONE).orElseThrow(), "from memory too");
        assertEquals(RejectReason.DEVICE_NOT_REMEMBERED, refused(policy.decide(elsewhere)),
                "still not on the other gateway once the device is in memory");
    }

    /**
     * The attack: counters of 9.2e18 octets (stored before counters were bounded) made every sum over the subscriber's
     * sessions overflow bigint, so their Access-Requests failed and so did the minute's enforcement for everyone.
     */
    @Test
    void countersNearTheTopOfBigintFailNeitherTheirSubscriberNorAnyoneElsesEnforcement() {
        long poisoned = f.phoneSubscriber("en");
        f.remember(PHONE, poisoned);
        OffsetDateTime start = f.clock.instant().minusSeconds(600).atOffset(ZoneOffset.UTC);
        f.db.dsl().insertInto(RADIUS_SESSION).set(RADIUS_SESSION.UNIQUE_ID, "absurd").set(RADIUS_SESSION.SESSION_ID, "absurd")
                .set(RADIUS_SESSION.NAS_ADDRESS, Inet.valueOf(java.net.InetAddress.getLoopbackAddress())).set(RADIUS_SESSION.USERNAME, "u")
                .set(RADIUS_SESSION.SUBSCRIBER_ID, poisoned).set(RADIUS_SESSION.STARTED_AT, start).set(RADIUS_SESSION.UPDATED_AT, start)
                .set(RADIUS_SESSION.STOPPED_AT, start).set(RADIUS_SESSION.SESSION_TIME, 300L)
                .set(RADIUS_SESSION.INPUT_OCTETS, Long.MAX_VALUE).set(RADIUS_SESSION.OUTPUT_OCTETS, Long.MAX_VALUE)
                .set(RADIUS_SESSION.TERMINATE_CAUSE, "User-Request").execute();
        long spent = f.phoneSubscriber("zh");
        f.closedSession(spent, "p1", f.clock.instant().minusSeconds(9000), 130 * 60, 0);
        f.openSession(poisoned, "open-poisoned", PHONE);
        f.openSession(spent, "open-spent", TABLET);

        assertEquals(RejectReason.QUOTA_EXHAUSTED, refused(macAuth(PHONE)));
        assertEquals(0, policy.remaining(poisoned).octets());
        assertEquals(List.of("open-poisoned", "open-spent"), policy.sessionsWithNothingLeft().stream().sorted().toList());
    }

    @Test
    void aReturningDeviceIsAnsweredFromMemoryAsTheDatabaseWouldAnswerIt() {
        String code = f.voucher(90, Duration.ofDays(2), 2);
        assertEquals(Optional.empty(), fromMemory(code, code, PHONE), "a voucher never used is looked up in the database");
        AuthDecision.Accept first = assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE));
        AuthDecision.Accept again = assertInstanceOf(AuthDecision.Accept.class, fromMemory(code, code, PHONE).orElseThrow());
        assertEquals(first, again);
        assertEquals(first, assertInstanceOf(AuthDecision.Accept.class, fromMemory(PHONE.toString(), PHONE.toString(), PHONE).orElseThrow()),
                "MAC authentication of the device the voucher remembered");
        assertEquals(RejectReason.UNKNOWN_USER, refused(fromMemory(code, "WRONG", PHONE).orElseThrow()));
        assertEquals(Optional.empty(), fromMemory(code, code, TABLET), "binding a second device is written to the database");
        assertInstanceOf(AuthDecision.Accept.class, login(code, code, TABLET));
        assertInstanceOf(AuthDecision.Accept.class, fromMemory(code, code, TABLET).orElseThrow());
        f.clock.advance(Duration.ofDays(3));
        assertEquals(login(code, code, PHONE), fromMemory(code, code, PHONE).orElseThrow(), "an expired voucher");
    }

    @Test
    void aPortalCredentialLetsItsDeviceInOnceWhichIsThenLetBackInByMac() {
        long subscriber = f.phoneSubscriber("mn");
        AccessAttempt portal = f.portalLogin("p-abcdefghij", subscriber, PHONE);
        assertEquals(Optional.empty(), policy.decideFromMemory(portal), "spending a credential is a write");
        assertEquals(subscriber, assertInstanceOf(AuthDecision.Accept.class, policy.decide(portal)).subscriberId());
        AuthDecision.Reject again = assertInstanceOf(AuthDecision.Reject.class, policy.decide(portal));
        assertEquals(RejectReason.CREDENTIAL_USED, again.reason());
        assertEquals("mn", again.language());
        assertInstanceOf(AuthDecision.Accept.class, policy.decideFromMemory(f.macAuth(PHONE)).orElseThrow(), "remembered, in memory");
        assertInstanceOf(AuthDecision.Accept.class, f.node(f.cache()).decide(f.macAuth(PHONE)), "and in the database");
    }

    @Test
    void savedAccountingMakesMemoryReadTheSubscribersUsageAgain() {
        String code = f.voucher(30, Duration.ofDays(2), 1);
        long subscriber = assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE)).subscriberId();
        f.closedSession(subscriber, "s1", f.clock.instant().minusSeconds(2400), 40 * 60, 0);
        policy.accounted(List.of(stop(code, Optional.of(subscriber), PHONE)));
        assertEquals(Optional.empty(), fromMemory(code, code, PHONE), "the usage kept in memory is out of date");
        AuthDecision spent = login(code, code, PHONE);
        assertInstanceOf(AuthDecision.Reject.class, spent);
        assertEquals(spent, fromMemory(code, code, PHONE).orElseThrow());
    }

    @Test
    void accountingWithoutClassFindsTheSubscriberByVoucherOrDevice() {
        String code = f.voucher(30, Duration.ofDays(2), 1);
        AuthDecision.Accept first = assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE));
        f.closedSession(first.subscriberId(), "s1", f.clock.instant().minusSeconds(600), 10 * 60, 0);
        policy.accounted(List.of(stop(code.toLowerCase(), Optional.empty(), TABLET)));
        assertEquals(Optional.empty(), fromMemory(code, code, PHONE), "found by the voucher code as User-Name");
        assertEquals(first.sessionTimeout() - 10 * 60, assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE)).sessionTimeout());
        f.closedSession(first.subscriberId(), "s2", f.clock.instant().minusSeconds(300), 5 * 60, 0);
        policy.accounted(List.of(stop("some-other-name", Optional.empty(), PHONE)));
        assertEquals(Optional.empty(), fromMemory(PHONE.toString(), PHONE.toString(), PHONE), "found by the remembered device");
        assertEquals(first.sessionTimeout() - 15 * 60, assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE)).sessionTimeout());
    }

    @Test
    void aVoucherHoldsNoMoreDevicesThanItAllowsWhicheverNodesAreAsked() throws Exception {
        HotspotPolicy otherNode = f.node(f.cache());
        for (int round = 0; round < 10; round++) {
            String code = f.voucher(90, Duration.ofDays(2), 1);
            assertOneLetIn(race(() -> policy.decide(f.attempt(code, code, PHONE)), () -> otherNode.decide(f.attempt(code, code, TABLET))),
                    RejectReason.VOUCHER_DEVICE_LIMIT);
            assertEquals(1, f.devicesOf(code));
        }
    }

    @Test
    void aPortalCredentialLetsInOnceWhicheverNodesAreAsked() throws Exception {
        HotspotPolicy otherNode = f.node(f.cache());
        for (int round = 0; round < 10; round++) {
            AccessAttempt portal = f.portalLogin("p-race" + round, f.phoneSubscriber("en"), PHONE);
            assertOneLetIn(race(() -> policy.decide(portal), () -> otherNode.decide(portal)), RejectReason.CREDENTIAL_USED);
        }
    }

    static void assertOneLetIn(List<AuthDecision> decisions, RejectReason theOther) {
        assertEquals(1, decisions.stream().filter(AuthDecision.Accept.class::isInstance).count(), decisions.toString());
        assertTrue(decisions.stream().anyMatch(d -> d instanceof AuthDecision.Reject r && r.reason() == theOther), decisions.toString());
    }

    /**
     * Another node binds the voucher's last free device while this one waits for the voucher's lock. What this one read
     * in the statement that waited misses it; the binding, which counts the devices again, refuses the attempt.
     */
    @Test
    void aDeviceBoundByAnotherNodeWhileThisOneWaitedForTheVoucherIsCounted() throws Exception {
        String code = f.voucher(90, Duration.ofDays(2), 2);
        assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE));
        String hash = VoucherIssuer.codeHash(f.keys, code);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<?> otherNode = nodes.submit(() -> f.db.dsl().transaction(tx -> {
                tx.dsl().selectFrom(VOUCHER).where(VOUCHER.CODE_HASH.eq(hash)).forUpdate().fetch();
                tx.dsl().insertInto(VOUCHER_DEVICE).set(VOUCHER_DEVICE.CODE_HASH, hash).set(VOUCHER_DEVICE.MAC, TABLET.toString())
                        .set(VOUCHER_DEVICE.FIRST_SEEN, f.now()).execute();
                locked.countDown();
                release.await();
            }));
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            Future<AuthDecision> laptop = nodes.submit(() -> policy.decide(f.attempt(code, code, LAPTOP)));
            awaitAWaitForALock();
            release.countDown();
            otherNode.get(30, TimeUnit.SECONDS);
            assertEquals(RejectReason.VOUCHER_DEVICE_LIMIT, refused(laptop.get(30, TimeUnit.SECONDS)));
            assertEquals(2, f.devicesOf(code));
        } finally {
            nodes.shutdownNow();
        }
    }

    /** Until a statement of this database waits for a row lock; each look is a query, so this needs no sleep. */
    void awaitAWaitForALock() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!f.db.dsl().fetchExists(DSL.selectOne().from(DSL.table(DSL.name("pg_stat_activity")))
                .where(DSL.condition("wait_event_type = 'Lock' and datname = current_database()")))) {
            assertTrue(System.nanoTime() < deadline, "no statement waited for the voucher's lock");
        }
    }

    /** Both attempts at once, each on its own thread (its own node), released together. */
    static List<AuthDecision> race(Callable<AuthDecision> one, Callable<AuthDecision> other) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AuthDecision>> running = new ArrayList<>();
            for (Callable<AuthDecision> attempt : List.of(one, other)) {
                running.add(nodes.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<AuthDecision> decisions = new ArrayList<>();
            for (Future<AuthDecision> decision : running) {
                decisions.add(decision.get(30, TimeUnit.SECONDS));
            }
            return decisions;
        } finally {
            nodes.shutdownNow();
        }
    }

    AccountingRecord stop(String user, Optional<Long> subscriber, MacAddress device) {
        return new AccountingRecord(AccountingRecord.Kind.STOP, f.gateway, java.net.InetAddress.getLoopbackAddress(), "s", "u", user, subscriber,
                Optional.of(device), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), f.clock.instant(), 60, 0, 0,
                Optional.empty(), Optional.empty());
    }
}
