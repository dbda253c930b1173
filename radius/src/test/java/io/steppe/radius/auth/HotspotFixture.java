package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.REMEMBERED_DEVICE;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.SecretKeys;
import io.steppe.db.keys.TestKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.packet.AccessAttempt;
import io.steppe.radius.packet.Credential;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.postgres.extensions.types.Inet;

/** A fresh database with two gateways, and the rows the policy's tests start from. */
final class HotspotFixture implements AutoCloseable {

    static final MacAddress PHONE = MacAddress.parse("aa:bb:cc:00:00:01");
    static final MacAddress TABLET = MacAddress.parse("aa:bb:cc:00:00:02");
    static final MacAddress LAPTOP = MacAddress.parse("aa:bb:cc:00:00:03");

    final Database db;
    final SecretKeys keys = TestKeys.fixed();
    /** 10:00 in Ulanqab (UTC+8). */
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
    /** The usage ledger's ticker; it stands still, so cached usage changes only through accounting, as in a quick test. */
    final AtomicLong ticker = new AtomicLong();
    final VoucherIssuer vouchers;
    final long gateway;
    final long otherGateway;

    HotspotFixture(Path home) {
        db = TestDatabases.freshMigrated(home);
        vouchers = new VoucherIssuer(db.dsl(), keys, clock, new SecureRandom());
        NasRepository gateways = new NasRepository(db.dsl(), keys);
        gateways.add(Nas.of("gw", NasAddress.parse("127.0.0.1"), "secret-secret"), "test");
        gateways.add(Nas.of("gw2", NasAddress.parse("127.0.0.2"), "secret-secret"), "test");
        gateway = gateways.listRegistered().get(0).id();
        otherGateway = gateways.listRegistered().get(1).id();
    }

    /** A policy as one node runs it; several share the database as several nodes do. */
    HotspotPolicy node(AccessCache cache) {
        return new HotspotPolicy(db.dsl(), keys, clock, cache, AccessPolicyConfig.defaults());
    }

    AccessCache cache() {
        return new AccessCache(keys, AccessPolicyConfig.defaults().zone(), new UsageLedger(ticker::get, Duration.ofMinutes(5)));
    }

    OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    AccessAttempt attempt(long nasId, String user, String password, MacAddress device) {
        return new AccessAttempt(nasId == gateway ? "gw" : "gw2", nasId, user, new Credential.Pap(password), Optional.ofNullable(device),
                Optional.empty());
    }

    AccessAttempt attempt(String user, String password, MacAddress device) {
        return attempt(gateway, user, password, device);
    }

    /** MAC authentication as CoovaChilli sends it: the MAC as User-Name and as User-Password. */
    AccessAttempt macAuth(MacAddress device) {
        return attempt(device.toString(), device.toString(), device);
    }

    String voucher(int minutes, Duration validFor, int devices) {
        return vouchers.issue(1, minutes, validFor, devices, "test").get(0);
    }

    long phoneSubscriber(String language) {
        return db.dsl().insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "phone").set(SUBSCRIBER.LANGUAGE, language)
                .returning(SUBSCRIBER.ID).fetchOne().getId();
    }

    void remember(MacAddress mac, long subscriber) {
        db.dsl().insertInto(REMEMBERED_DEVICE).set(REMEMBERED_DEVICE.MAC, mac.toString()).set(REMEMBERED_DEVICE.NAS_ID, gateway)
                .set(REMEMBERED_DEVICE.SUBSCRIBER_ID, subscriber).set(REMEMBERED_DEVICE.EXPIRES_AT, now().plusDays(7)).execute();
    }

    /** A one-time credential as the portal issues it for {@code mac}; the attempt that spends it. */
    AccessAttempt portalLogin(String username, long subscriber, MacAddress mac) {
        db.dsl().insertInto(LOGIN_CREDENTIAL).set(LOGIN_CREDENTIAL.USERNAME, username).set(LOGIN_CREDENTIAL.SUBSCRIBER_ID, subscriber)
                .set(LOGIN_CREDENTIAL.CLIENT_MAC, mac.toString()).set(LOGIN_CREDENTIAL.EXPIRES_AT, now().plusMinutes(2)).execute();
        return attempt(username, keys.credentialPassword(username), mac);
    }

    int devicesOf(String code) {
        return db.dsl().fetchCount(VOUCHER_DEVICE, VOUCHER_DEVICE.CODE_HASH.eq(VoucherIssuer.codeHash(keys, code)));
    }

    void closedSession(long subscriber, String id, Instant started, long seconds, long octets) {
        OffsetDateTime start = started.atOffset(ZoneOffset.UTC);
        db.dsl().insertInto(RADIUS_SESSION).set(RADIUS_SESSION.UNIQUE_ID, id).set(RADIUS_SESSION.SESSION_ID, id)
                .set(RADIUS_SESSION.NAS_ADDRESS, Inet.valueOf(InetAddress.getLoopbackAddress())).set(RADIUS_SESSION.USERNAME, "u")
                .set(RADIUS_SESSION.SUBSCRIBER_ID, subscriber).set(RADIUS_SESSION.STARTED_AT, start)
                .set(RADIUS_SESSION.UPDATED_AT, start.plusSeconds(seconds)).set(RADIUS_SESSION.STOPPED_AT, start.plusSeconds(seconds))
                .set(RADIUS_SESSION.SESSION_TIME, seconds).set(RADIUS_SESSION.OUTPUT_OCTETS, octets)
                .set(RADIUS_SESSION.TERMINATE_CAUSE, "User-Request").execute();
    }

    void openSession(long subscriber, String id, MacAddress device) {
        OffsetDateTime now = now();
        db.dsl().insertInto(RADIUS_SESSION_OPEN).set(RADIUS_SESSION_OPEN.UNIQUE_ID, id).set(RADIUS_SESSION_OPEN.SESSION_ID, id)
                .set(RADIUS_SESSION_OPEN.NAS_ADDRESS, Inet.valueOf(InetAddress.getLoopbackAddress())).set(RADIUS_SESSION_OPEN.USERNAME, "u")
                .set(RADIUS_SESSION_OPEN.SUBSCRIBER_ID, subscriber).set(RADIUS_SESSION_OPEN.CLIENT_MAC, device.toString())
                .set(RADIUS_SESSION_OPEN.STARTED_AT, now).set(RADIUS_SESSION_OPEN.UPDATED_AT, now).execute();
    }

    @Override
    public void close() {
        db.close();
    }
}
