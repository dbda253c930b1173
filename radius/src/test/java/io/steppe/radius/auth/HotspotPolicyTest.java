package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.REMEMBERED_DEVICE;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.radius.accounting.AccountingRecord;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.postgres.extensions.types.Inet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotspotPolicyTest {

    static final MacAddress PHONE = MacAddress.parse("aa:bb:cc:00:00:01");
    static final MacAddress TABLET = MacAddress.parse("aa:bb:cc:00:00:02");

    @TempDir
    Path home;
    Database db;
    // 10:00 in Ulanqab (UTC+8)
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
    /** The usage ledger's ticker; it stands still, so cached usage changes only through accounting, as in a quick test. */
    final java.util.concurrent.atomic.AtomicLong ticker = new java.util.concurrent.atomic.AtomicLong();
    HotspotPolicy policy;
    VoucherIssuer vouchers;
    long gateway;
    long otherGateway;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        policy = new HotspotPolicy(db.dsl(), TestKeys.fixed(), clock, ticker::get, AccessPolicyConfig.defaults());
        vouchers = new VoucherIssuer(db.dsl(), TestKeys.fixed(), clock, new SecureRandom());
        NasRepository gateways = new NasRepository(db.dsl(), TestKeys.fixed());
        gateways.add(Nas.of("gw", NasAddress.parse("127.0.0.1"), "secret-secret"), "test");
        gateways.add(Nas.of("gw2", NasAddress.parse("127.0.0.2"), "secret-secret"), "test");
        gateway = gateways.listRegistered().get(0).id();
        otherGateway = gateways.listRegistered().get(1).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    AuthDecision login(String user, String password, MacAddress device) {
        return policy.decide(attempt(gateway, user, password, device));
    }

    /** MAC authentication as CoovaChilli sends it: the MAC as User-Name and as User-Password. */
    AuthDecision macAuth(MacAddress device) {
        return login(device.toString(), device.toString(), device);
    }

    AccessAttempt attempt(long nasId, String user, String password, MacAddress device) {
        return new AccessAttempt(nasId == gateway ? "gw" : "gw2", nasId, user, new Credential.Pap(password), Optional.of(device),
                Optional.empty());
    }

    @Test
    void voucherGivesItsMinutesAndIsBoundToItsDevices() {
        String code = vouchers.issue(1, 90, Duration.ofDays(2), 1, "test").get(0);
        AuthDecision.Accept accept = assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE));
        assertEquals(90 * 60, accept.sessionTimeout());
        assertInstanceOf(AuthDecision.Accept.class, login(code.toLowerCase(), code.toLowerCase(), PHONE), "typed in lower case");
        assertEquals(RejectReason.VOUCHER_DEVICE_LIMIT, assertInstanceOf(AuthDecision.Reject.class, login(code, code, TABLET)).reason());
    }

    @Test
    void expiredVoucherIsRefused() {
        String code = vouchers.issue(1, 90, Duration.ofDays(1), 1, "test").get(0);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertEquals(RejectReason.VOUCHER_EXPIRED, assertInstanceOf(AuthDecision.Reject.class, login(code, code, PHONE)).reason());
    }

    @Test
    void voucherTimeIsUsedUpAcrossSessions() {
        String code = vouchers.issue(1, 30, Duration.ofDays(5), 1, "test").get(0);
        long subscriber = ((AuthDecision.Accept) login(code, code, PHONE)).subscriberId();
        closedSession(subscriber, "s1", clock.instant().minusSeconds(3600), 20 * 60, 0);
        assertEquals(10 * 60, assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE)).sessionTimeout());
        closedSession(subscriber, "s2", clock.instant().minusSeconds(60), 10 * 60, 0);
        assertEquals(RejectReason.QUOTA_EXHAUSTED, assertInstanceOf(AuthDecision.Reject.class, login(code, code, PHONE)).reason());
    }

    @Test
    void dailyAllowanceIsSharedByDevicesAndResetsAtMidnightInUlanqab() {
        long subscriber = phoneSubscriber("ru");
        remember(PHONE, subscriber);
        closedSession(subscriber, "s1", clock.instant().minusSeconds(7200), 120 * 60, 0);
        AuthDecision.Reject reject = assertInstanceOf(AuthDecision.Reject.class, macAuth(PHONE));
        assertEquals(RejectReason.QUOTA_EXHAUSTED, reject.reason());
        assertEquals("Бесплатный лимит на сегодня исчерпан", reject.reason().message(reject.language()));
        clock.advance(Duration.ofHours(14)); // 00:00 the next day in Ulanqab
        assertEquals(120 * 60, assertInstanceOf(AuthDecision.Accept.class, macAuth(PHONE)).sessionTimeout());
    }

    @Test
    void dataAllowanceCountsToo() {
        long subscriber = phoneSubscriber(null);
        remember(PHONE, subscriber);
        closedSession(subscriber, "s1", clock.instant().minusSeconds(600), 60, (1L << 30) - 1000);
        assertEquals(1000, assertInstanceOf(AuthDecision.Accept.class, macAuth(PHONE)).remainingOctets());
    }

    @Test
    void theSessionsToDisconnectAreThoseOfSubscribersWithNothingLeft() {
        String spent = vouchers.issue(1, 30, Duration.ofDays(5), 1, "test").get(0);
        long voucherSpent = ((AuthDecision.Accept) login(spent, spent, PHONE)).subscriberId();
        closedSession(voucherSpent, "v1", clock.instant().minus(Duration.ofDays(2)), 20 * 60, 0); // a voucher counts every day
        closedSession(voucherSpent, "v2", clock.instant().minusSeconds(3600), 10 * 60, 0);
        String half = vouchers.issue(1, 30, Duration.ofDays(5), 1, "test").get(0);
        long voucherLeft = ((AuthDecision.Accept) login(half, half, TABLET)).subscriberId();
        closedSession(voucherLeft, "v3", clock.instant().minusSeconds(3600), 20 * 60, 0);
        long timeSpent = phoneSubscriber("zh");
        closedSession(timeSpent, "p1", clock.instant().minusSeconds(7200), 120 * 60, 0);
        long spentYesterday = phoneSubscriber("mn");
        closedSession(spentYesterday, "p2", clock.instant().minus(Duration.ofHours(12)), 120 * 60, 0); // 22:00 the day before
        long dataSpent = phoneSubscriber("ru");
        closedSession(dataSpent, "p3", clock.instant().minusSeconds(600), 60, 1L << 30);
        List<Long> subscribers = List.of(voucherSpent, voucherLeft, timeSpent, spentYesterday, dataSpent);
        for (int i = 0; i < subscribers.size(); i++) {
            openSession(subscribers.get(i), "open-" + i, MacAddress.parse("aa:bb:cc:00:02:0" + i));
        }

        assertEquals(List.of("open-0", "open-2", "open-4"), policy.sessionsWithNothingLeft().stream().sorted().toList());
        for (int i = 0; i < subscribers.size(); i++) {
            HotspotPolicy.Remaining left = policy.remaining(subscribers.get(i));
            assertEquals(i % 2 == 0, left.seconds() == 0 || left.octets() == 0, "as remaining() has it for subscriber " + i);
        }
    }

    @Test
    void tooManyDevicesOnlineIsRefusedButADeviceMayReauthenticate() {
        long subscriber = phoneSubscriber("en");
        remember(PHONE, subscriber);
        for (int i = 1; i <= 3; i++) {
            openSession(subscriber, "other-" + i, MacAddress.parse("aa:bb:cc:00:01:0" + i));
        }
        assertEquals(RejectReason.TOO_MANY_DEVICES, assertInstanceOf(AuthDecision.Reject.class,
                macAuth(PHONE)).reason());
        db.dsl().deleteFrom(RADIUS_SESSION_OPEN).where(RADIUS_SESSION_OPEN.UNIQUE_ID.eq("other-3")).execute();
        openSession(subscriber, "mine", PHONE);
        assertInstanceOf(AuthDecision.Accept.class, macAuth(PHONE), "its own open session does not count");
    }

    @Test
    void macAuthenticationNeedsARememberedDeviceThatIsTheCallingStation() {
        long subscriber = phoneSubscriber(null);
        remember(PHONE, subscriber);
        assertEquals(RejectReason.DEVICE_NOT_REMEMBERED, assertInstanceOf(AuthDecision.Reject.class,
                macAuth(TABLET)).reason());
        assertEquals(RejectReason.WRONG_DEVICE, assertInstanceOf(AuthDecision.Reject.class,
                login(PHONE.toString(), PHONE.toString(), TABLET)).reason());
        clock.advance(Duration.ofDays(8));
        assertEquals(RejectReason.DEVICE_NOT_REMEMBERED, assertInstanceOf(AuthDecision.Reject.class,
                macAuth(PHONE)).reason(), "forgotten after 7 days");
    }

    /** The attack: MAC authentication with any password (a MAC typed into a gateway's own login page). */
    @Test
    void macAuthenticationNeedsTheMacAsItsPassword() {
        String code = vouchers.issue(1, 90, Duration.ofDays(2), 1, "test").get(0);
        assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE));
        assertEquals(RejectReason.UNKNOWN_USER, assertInstanceOf(AuthDecision.Reject.class,
                fromMemory(PHONE.toString(), "guessed", PHONE).orElseThrow()).reason(), "from memory");
        assertEquals(RejectReason.UNKNOWN_USER, assertInstanceOf(AuthDecision.Reject.class,
                login(PHONE.toString(), "guessed", PHONE)).reason(), "through the database");
        assertInstanceOf(AuthDecision.Accept.class, login("AA-BB-CC-00-00-01", "AA-BB-CC-00-00-01", PHONE),
                "the MAC as the gateway writes it, as CoovaChilli's macauth sends it");
    }

    /** The attack: a spoofed MAC on another gateway than the one its owner logged in on. */
    @Test
    void aRememberedDeviceIsLetInOnlyOnTheGatewayWhereItLoggedInAndOnlyForWhatIsLeftOfTheDay() {
        long subscriber = phoneSubscriber("en");
        remember(PHONE, subscriber);
        AccessAttempt elsewhere = attempt(otherGateway, PHONE.toString(), PHONE.toString(), PHONE);
        assertEquals(Optional.empty(), policy.decideFromMemory(elsewhere));
        assertEquals(RejectReason.DEVICE_NOT_REMEMBERED, assertInstanceOf(AuthDecision.Reject.class, policy.decide(elsewhere)).reason());
        closedSession(subscriber, "s1", clock.instant().minusSeconds(7200), 100 * 60, 0);
        assertEquals(20 * 60, assertInstanceOf(AuthDecision.Accept.class, macAuth(PHONE)).sessionTimeout(), "no more than is left");
        assertEquals(20 * 60, assertInstanceOf(AuthDecision.Accept.class, fromMemory(PHONE.toString(), PHONE.toString(), PHONE)
                .orElseThrow()).sessionTimeout(), "from memory too");
        assertEquals(RejectReason.DEVICE_NOT_REMEMBERED, assertInstanceOf(AuthDecision.Reject.class, policy.decide(elsewhere)).reason(),
                "still not on the other gateway once the device is in memory");
    }

    /**
     * The attack: counters of 9.2e18 octets (stored before counters were bounded) made every sum over the subscriber's
     * sessions overflow bigint, so their Access-Requests failed and so did the minute's enforcement for everyone.
     */
    @Test
    void countersNearTheTopOfBigintFailNeitherTheirSubscriberNorAnyoneElsesEnforcement() {
        long poisoned = phoneSubscriber("en");
        remember(PHONE, poisoned);
        OffsetDateTime start = clock.instant().minusSeconds(600).atOffset(ZoneOffset.UTC);
        db.dsl().insertInto(RADIUS_SESSION).set(RADIUS_SESSION.UNIQUE_ID, "absurd").set(RADIUS_SESSION.SESSION_ID, "absurd")
                .set(RADIUS_SESSION.NAS_ADDRESS, Inet.valueOf(java.net.InetAddress.getLoopbackAddress())).set(RADIUS_SESSION.USERNAME, "u")
                .set(RADIUS_SESSION.SUBSCRIBER_ID, poisoned).set(RADIUS_SESSION.STARTED_AT, start).set(RADIUS_SESSION.UPDATED_AT, start)
                .set(RADIUS_SESSION.STOPPED_AT, start).set(RADIUS_SESSION.SESSION_TIME, 300L)
                .set(RADIUS_SESSION.INPUT_OCTETS, Long.MAX_VALUE).set(RADIUS_SESSION.OUTPUT_OCTETS, Long.MAX_VALUE)
                .set(RADIUS_SESSION.TERMINATE_CAUSE, "User-Request").execute();
        long spent = phoneSubscriber("zh");
        closedSession(spent, "p1", clock.instant().minusSeconds(7200), 120 * 60, 0);
        openSession(poisoned, "open-poisoned", PHONE);
        openSession(spent, "open-spent", TABLET);

        assertEquals(RejectReason.QUOTA_EXHAUSTED, assertInstanceOf(AuthDecision.Reject.class, macAuth(PHONE)).reason());
        assertEquals(0, policy.remaining(poisoned).octets());
        assertEquals(List.of("open-poisoned", "open-spent"), policy.sessionsWithNothingLeft().stream().sorted().toList());
    }

    Optional<AuthDecision> fromMemory(String user, String password, MacAddress device) {
        return policy.decideFromMemory(attempt(gateway, user, password, device));
    }

    @Test
    void aReturningDeviceIsAnsweredFromMemoryAsTheDatabaseWouldAnswerIt() {
        String code = vouchers.issue(1, 90, Duration.ofDays(2), 2, "test").get(0);
        assertEquals(Optional.empty(), fromMemory(code, code, PHONE), "a voucher never used is looked up in the database");
        AuthDecision.Accept first = assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE));
        AuthDecision.Accept again = assertInstanceOf(AuthDecision.Accept.class, fromMemory(code, code, PHONE).orElseThrow());
        assertEquals(first, again);
        assertEquals(first, assertInstanceOf(AuthDecision.Accept.class, fromMemory(PHONE.toString(), PHONE.toString(), PHONE).orElseThrow()),
                "MAC authentication of the device the voucher remembered");
        assertEquals(RejectReason.UNKNOWN_USER, assertInstanceOf(AuthDecision.Reject.class, fromMemory(code, "WRONG", PHONE).orElseThrow()).reason());
        assertEquals(Optional.empty(), fromMemory(code, code, TABLET), "binding a second device is written to the database");
        assertInstanceOf(AuthDecision.Accept.class, login(code, code, TABLET));
        assertInstanceOf(AuthDecision.Accept.class, fromMemory(code, code, TABLET).orElseThrow());
        clock.advance(Duration.ofDays(2));
        assertEquals(RejectReason.VOUCHER_EXPIRED, assertInstanceOf(AuthDecision.Reject.class, fromMemory(code, code, PHONE).orElseThrow()).reason());
    }

    @Test
    void savedAccountingMakesMemoryReadTheSubscribersUsageAgain() {
        String code = vouchers.issue(1, 30, Duration.ofDays(2), 1, "test").get(0);
        long subscriber = assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE)).subscriberId();
        closedSession(subscriber, "s1", clock.instant().minusSeconds(1800), 30 * 60, 0);
        policy.accounted(List.of(stop(code, Optional.of(subscriber), PHONE)));
        assertEquals(Optional.empty(), fromMemory(code, code, PHONE), "the usage kept in memory is out of date");
        assertEquals(RejectReason.QUOTA_EXHAUSTED, assertInstanceOf(AuthDecision.Reject.class, login(code, code, PHONE)).reason());
        assertEquals(RejectReason.QUOTA_EXHAUSTED, assertInstanceOf(AuthDecision.Reject.class, fromMemory(code, code, PHONE).orElseThrow()).reason());
    }

    @Test
    void accountingWithoutClassFindsTheSubscriberByVoucherOrDevice() {
        String code = vouchers.issue(1, 30, Duration.ofDays(2), 1, "test").get(0);
        long subscriber = assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE)).subscriberId();
        closedSession(subscriber, "s1", clock.instant().minusSeconds(600), 10 * 60, 0);
        policy.accounted(List.of(stop(code.toLowerCase(), Optional.empty(), TABLET)));
        assertEquals(Optional.empty(), fromMemory(code, code, PHONE), "found by the voucher code as User-Name");
        assertEquals(20 * 60, assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE)).sessionTimeout());
        closedSession(subscriber, "s2", clock.instant().minusSeconds(300), 5 * 60, 0);
        policy.accounted(List.of(stop("some-other-name", Optional.empty(), PHONE)));
        assertEquals(Optional.empty(), fromMemory(PHONE.toString(), PHONE.toString(), PHONE), "found by the remembered device");
        assertEquals(15 * 60, assertInstanceOf(AuthDecision.Accept.class, login(code, code, PHONE)).sessionTimeout());
    }

    AccountingRecord stop(String user, Optional<Long> subscriber, MacAddress device) {
        return new AccountingRecord(AccountingRecord.Kind.STOP, gateway, java.net.InetAddress.getLoopbackAddress(), "s", "u", user, subscriber,
                Optional.of(device), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), clock.instant(), 60, 0, 0,
                Optional.empty(), Optional.empty());
    }

    long phoneSubscriber(String language) {
        return db.dsl().insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "phone").set(SUBSCRIBER.LANGUAGE, language)
                .returning(SUBSCRIBER.ID).fetchOne().getId();
    }

    void remember(MacAddress mac, long subscriber) {
        db.dsl().insertInto(REMEMBERED_DEVICE).set(REMEMBERED_DEVICE.MAC, mac.toString()).set(REMEMBERED_DEVICE.NAS_ID, gateway)
                .set(REMEMBERED_DEVICE.SUBSCRIBER_ID, subscriber)
                .set(REMEMBERED_DEVICE.EXPIRES_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7)).execute();
    }

    void closedSession(long subscriber, String id, Instant started, long seconds, long octets) {
        OffsetDateTime start = started.atOffset(ZoneOffset.UTC);
        db.dsl().insertInto(RADIUS_SESSION).set(RADIUS_SESSION.UNIQUE_ID, id).set(RADIUS_SESSION.SESSION_ID, id)
                .set(RADIUS_SESSION.NAS_ADDRESS, Inet.valueOf(java.net.InetAddress.getLoopbackAddress())).set(RADIUS_SESSION.USERNAME, "u")
                .set(RADIUS_SESSION.SUBSCRIBER_ID, subscriber).set(RADIUS_SESSION.STARTED_AT, start)
                .set(RADIUS_SESSION.UPDATED_AT, start.plusSeconds(seconds)).set(RADIUS_SESSION.STOPPED_AT, start.plusSeconds(seconds))
                .set(RADIUS_SESSION.SESSION_TIME, seconds).set(RADIUS_SESSION.OUTPUT_OCTETS, octets)
                .set(RADIUS_SESSION.TERMINATE_CAUSE, "User-Request").execute();
    }

    void openSession(long subscriber, String id, MacAddress device) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        db.dsl().insertInto(RADIUS_SESSION_OPEN).set(RADIUS_SESSION_OPEN.UNIQUE_ID, id).set(RADIUS_SESSION_OPEN.SESSION_ID, id)
                .set(RADIUS_SESSION_OPEN.NAS_ADDRESS, Inet.valueOf(java.net.InetAddress.getLoopbackAddress())).set(RADIUS_SESSION_OPEN.USERNAME, "u")
                .set(RADIUS_SESSION_OPEN.SUBSCRIBER_ID, subscriber).set(RADIUS_SESSION_OPEN.CLIENT_MAC, device.toString())
                .set(RADIUS_SESSION_OPEN.STARTED_AT, now).set(RADIUS_SESSION_OPEN.UPDATED_AT, now).execute();
    }
}
