package io.steppe.radius.auth;

import static io.steppe.radius.auth.HotspotFixture.PHONE;
import static io.steppe.radius.auth.HotspotFixture.TABLET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.steppe.radius.packet.AccessAttempt;
import io.steppe.radius.packet.AuthDecision;
import io.steppe.radius.packet.RejectReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the database holds for an attempt, and that memory, after a decision through the database, holds the same rows:
 * the rules then answer a returning device from memory as they would from the database.
 */
class SnapshotReaderTest {

    @TempDir
    Path home;
    HotspotFixture f;
    AccessCache cache;
    HotspotPolicy policy;
    SnapshotReader reader;
    final HotspotRules rules = new HotspotRules(AccessPolicyConfig.defaults());

    @BeforeEach
    void open() {
        f = new HotspotFixture(home);
        cache = f.cache();
        policy = f.node(cache);
        reader = new SnapshotReader(f.keys, AccessPolicyConfig.defaults().zone());
    }

    @AfterEach
    void close() {
        f.close();
    }

    AccessSnapshot fromDatabase(AccessAttempt attempt) {
        return reader.read(f.db.dsl(), attempt, f.now());
    }

    /** {@code returning}, once {@code first} was decided through the database, from memory and from the database. */
    void sameInMemoryAsInTheDatabase(AccessAttempt first, AccessAttempt returning) {
        assertInstanceOf(AuthDecision.Accept.class, policy.decide(first));
        AccessSnapshot database = fromDatabase(returning);
        AccessSnapshot memory = cache.snapshot(returning, f.now());
        assertEquals(new AccessSnapshot(database.now(), false, database.login(), database.voucher(), database.device(), database.usage()),
                memory);
        Ruling ruling = rules.decide(returning, memory).orElseThrow();
        assertEquals(rules.decide(returning, database), Optional.of(ruling));
        assertEquals(Optional.of(ruling.decision()), policy.decideFromMemory(returning));
    }

    @Test
    void aVoucherAndItsDevicesAreHeldInMemoryAsInTheDatabase() {
        String code = f.voucher(90, Duration.ofDays(2), 2);
        f.closedSession(f.phoneSubscriber("en"), "someone-else", f.clock.instant().minusSeconds(600), 600, 0);
        sameInMemoryAsInTheDatabase(f.attempt(code, code, PHONE), f.attempt(code, code, PHONE));
        sameInMemoryAsInTheDatabase(f.attempt(code, code, TABLET), f.attempt(code.toLowerCase(), code.toLowerCase(), TABLET));
        sameInMemoryAsInTheDatabase(f.macAuth(PHONE), f.macAuth(PHONE));
    }

    @Test
    void aPhoneRememberedByThePortalIsHeldInMemoryAsInTheDatabase() {
        long subscriber = f.phoneSubscriber("mn");
        f.closedSession(subscriber, "s1", f.clock.instant().minusSeconds(600), 600, 1000);
        sameInMemoryAsInTheDatabase(f.portalLogin("p-abcdefghij", subscriber, PHONE), f.macAuth(PHONE));
    }

    @Test
    void whatTheNameNames() {
        long subscriber = f.phoneSubscriber("ru");
        f.remember(PHONE, subscriber);
        assertEquals(new AccessSnapshot.Login.Mac(PHONE), fromDatabase(f.macAuth(PHONE)).login());
        PortalCredential credential = assertInstanceOf(AccessSnapshot.Login.Portal.class,
                fromDatabase(f.portalLogin("p-abcdefghij", subscriber, TABLET)).login()).credential();
        assertEquals(new PortalCredential("p-abcdefghij", f.keys.credentialPassword("p-abcdefghij"), subscriber, TABLET,
                f.now().plusMinutes(2), false), credential);
        String code = f.voucher(90, Duration.ofDays(2), 1);
        assertEquals(AccessSnapshot.Login.VOUCHER_CODE, fromDatabase(f.attempt(" " + code.toLowerCase() + " ", "x", PHONE)).login(),
                "a code typed with spaces around it is not shaped like one, and is looked up all the same");
        assertEquals(AccessSnapshot.Login.VOUCHER_CODE, fromDatabase(f.attempt(code.substring(0, 5) + "-" + code.substring(5), "x", PHONE))
                .login(), "and so is a code typed with a dash to keep one's place");
        AccessSnapshot nobody = fromDatabase(f.attempt("ACDEFGHJKL", "ACDEFGHJKL", PHONE));
        assertEquals(new AccessSnapshot(f.now(), true, AccessSnapshot.Login.NOBODY, Optional.empty(), Optional.empty(), Optional.empty()),
                nobody);
    }

    @Test
    void aVouchersUsageCountsItsSessionsOfEveryDay() {
        String code = f.voucher(30, Duration.ofDays(5), 1);
        long subscriber = fromDatabase(f.attempt(code, code, PHONE)).voucher().orElseThrow().subscriberId();
        f.closedSession(subscriber, "s1", f.clock.instant().minus(Duration.ofDays(2)), 20 * 60, 0);
        f.closedSession(subscriber, "s2", f.clock.instant().minusSeconds(3600), 10 * 60, 0);
        Usage.Used used = fromDatabase(f.attempt(code, code, PHONE)).usage().orElseThrow();
        assertEquals(30 * 60, used.secondsSince());
        assertEquals(10 * 60, used.secondsToday());
    }

    @Test
    void aPhonesDayStartsAtMidnightInUlanqabAndCountsAllItsDevices() {
        long subscriber = f.phoneSubscriber("ru");
        f.remember(PHONE, subscriber);
        f.closedSession(subscriber, "s1", f.clock.instant().minusSeconds(7200), 100 * 60, 1000); // 08:00 in Ulanqab
        f.closedSession(subscriber, "s2", f.clock.instant().minus(Duration.ofHours(12)), 60 * 60, 5000); // 22:00 the day before
        f.openSession(subscriber, "tablet-online", TABLET);
        Usage.Used today = fromDatabase(f.macAuth(PHONE)).usage().orElseThrow();
        assertEquals(new Usage.Used(100 * 60, 1000, 100 * 60, List.of(TABLET.toString()), Optional.of("ru")), today);
        f.clock.advance(Duration.ofHours(14)); // 00:00 the next day in Ulanqab
        assertEquals(0, fromDatabase(f.macAuth(PHONE)).usage().orElseThrow().secondsToday());
    }

    @Test
    void anExpiredDeviceIsReadForTheRulesToJudge() {
        long subscriber = f.phoneSubscriber(null);
        f.remember(PHONE, subscriber);
        f.clock.advance(Duration.ofDays(8));
        AccessSnapshot snapshot = fromDatabase(f.macAuth(PHONE));
        assertEquals(subscriber, snapshot.device().orElseThrow().subscriberId());
        assertEquals(RejectReason.DEVICE_NOT_REMEMBERED,
                assertInstanceOf(AuthDecision.Reject.class, rules.decide(f.macAuth(PHONE), snapshot).orElseThrow().decision()).reason());
    }
}
