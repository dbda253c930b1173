package io.steppe.radius.coa;

import static io.steppe.db.schema.Tables.COA_REQUEST;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.HashedWheelTimer;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.db.schema.tables.records.CoaRequestRecord;
import io.steppe.radius.auth.AccessPolicyConfig;
import io.steppe.radius.auth.QuotaEnforcer;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.packet.DatagramCheck;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jooq.postgres.extensions.types.Inet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disconnect-Request against a listener in the test that plays the gateway. */
class SessionTerminatorTest {

    static final String SECRET = "coa-secret-123456";

    @TempDir
    Path home;
    Database db;
    HashedWheelTimer timer = new HashedWheelTimer(10, TimeUnit.MILLISECONDS);
    /** Noon in Ulanqab: the session's three hours all fall on one local day, whenever the test runs. */
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
    CoaClient client = new CoaClient(timer, Duration.ofMillis(200), 3);

    @AfterEach
    void close() {
        client.close();
        timer.stop();
        if (db != null) {
            db.close();
        }
    }

    SessionTerminator terminatorFor(GatewaySimulator gateway) {
        db = TestDatabases.freshMigrated(home);
        NasRepository gateways = new NasRepository(db.dsl(), TestKeys.fixed());
        gateways.add(new Nas("gw", NasAddress.parse("127.0.0.1"), SECRET, Optional.empty(), gateway.port(),
                MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO), "test");
        long nasId = gateways.listRegistered().get(0).id();
        long subscriber = db.dsl().insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "phone").returning(SUBSCRIBER.ID).fetchOne().getId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.dsl().insertInto(RADIUS_SESSION_OPEN).set(RADIUS_SESSION_OPEN.UNIQUE_ID, "u1").set(RADIUS_SESSION_OPEN.SESSION_ID, "5F3A0001")
                .set(RADIUS_SESSION_OPEN.NAS_ID, nasId).set(RADIUS_SESSION_OPEN.NAS_ADDRESS, Inet.valueOf(InetAddress.getLoopbackAddress()))
                .set(RADIUS_SESSION_OPEN.USERNAME, "alice").set(RADIUS_SESSION_OPEN.SUBSCRIBER_ID, subscriber)
                .set(RADIUS_SESSION_OPEN.CLIENT_MAC, "aa:bb:cc:00:00:01").set(RADIUS_SESSION_OPEN.STARTED_AT, now.minusHours(3))
                .set(RADIUS_SESSION_OPEN.UPDATED_AT, now).set(RADIUS_SESSION_OPEN.SESSION_TIME, 3 * 3600L).execute();
        return new SessionTerminator(db.dsl(), gateways, client, clock, io.steppe.radius.coa.PortalLogout.NONE);
    }

    CoaRequestRecord recorded() {
        return db.dsl().selectFrom(COA_REQUEST).fetchSingle();
    }

    @Test
    void acknowledgedDisconnectIsRecordedWithTheSessionsIdentity() throws Exception {
        try (GatewaySimulator gateway = new GatewaySimulator(SECRET, GatewaySimulator.Mode.ACK)) {
            CoaResult result = terminatorFor(gateway).disconnect("u1", SessionTerminator.Reason.OPERATOR, "olga").orElseThrow()
                    .get(5, TimeUnit.SECONDS);
            assertEquals(CoaResult.Outcome.ACK, result.outcome());
            byte[] request = gateway.received.get(0);
            assertEquals(40, request[0], "Disconnect-Request");
            int sessionId = DatagramCheck.findAttribute(request, 44);
            assertEquals("5F3A0001", new String(request, sessionId + 2, (request[sessionId + 1] & 0xff) - 2, StandardCharsets.US_ASCII));
            assertTrue(DatagramCheck.findAttribute(request, 31) > 0, "Calling-Station-Id");
            CoaRequestRecord row = recorded();
            assertEquals("ack", row.getResult());
            assertEquals("operator", row.getReason());
            assertEquals("olga", row.getRequestedBy());
        }
    }

    @Test
    void refusalKeepsTheGatewaysErrorCause() throws Exception {
        try (GatewaySimulator gateway = new GatewaySimulator(SECRET, GatewaySimulator.Mode.NAK_SESSION_NOT_FOUND)) {
            CoaResult result = terminatorFor(gateway).disconnect("u1", SessionTerminator.Reason.LOGOUT, "portal").orElseThrow()
                    .get(5, TimeUnit.SECONDS);
            assertEquals(CoaResult.Outcome.NAK, result.outcome());
            assertEquals(503, result.errorCause().getAsInt());
            assertEquals(503, recorded().getErrorCause());
        }
    }

    @Test
    void gatewayThatDoesNotEchoProxyStateIsStillUnderstood() throws Exception {
        try (GatewaySimulator gateway = new GatewaySimulator(SECRET, GatewaySimulator.Mode.ACK_WITHOUT_PROXY_STATE)) {
            assertEquals(CoaResult.Outcome.ACK, terminatorFor(gateway).disconnect("u1", SessionTerminator.Reason.OPERATOR, "olga")
                    .orElseThrow().get(5, TimeUnit.SECONDS).outcome());
        }
    }

    @Test
    void silentGatewayGetsTheSameRequestThreeTimesThenTimesOut() throws Exception {
        try (GatewaySimulator gateway = new GatewaySimulator(SECRET, GatewaySimulator.Mode.SILENT)) {
            CoaResult result = terminatorFor(gateway).disconnect("u1", SessionTerminator.Reason.QUOTA, "steppe").orElseThrow()
                    .get(10, TimeUnit.SECONDS);
            assertEquals(CoaResult.Outcome.TIMEOUT, result.outcome());
            assertEquals(3, result.attempts());
            assertEquals(3, gateway.received.size());
            assertArrayEquals(gateway.received.get(0), gateway.received.get(2), "a retransmission is the same packet");
            assertEquals("timeout", recorded().getResult());
        }
    }

    @Test
    void unknownSessionSendsNothing() throws Exception {
        try (GatewaySimulator gateway = new GatewaySimulator(SECRET, GatewaySimulator.Mode.ACK)) {
            assertTrue(terminatorFor(gateway).disconnect("no-such", SessionTerminator.Reason.OPERATOR, "olga").isEmpty());
            assertTrue(gateway.received.isEmpty());
        }
    }

    @Test
    void subscriberPastTheDailyAllowanceIsDisconnected() throws Exception {
        try (GatewaySimulator gateway = new GatewaySimulator(SECRET, GatewaySimulator.Mode.ACK)) {
            SessionTerminator terminator = terminatorFor(gateway); // the open session has run 3 h of a 2 h allowance
            assertEquals(1, new QuotaEnforcer(new io.steppe.radius.auth.HotspotPolicy(db.dsl(), TestKeys.fixed(), clock, () -> 0L, AccessPolicyConfig.defaults()), terminator).enforce());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (db.dsl().fetchCount(COA_REQUEST) == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals("quota", recorded().getReason());
        }
    }
}
