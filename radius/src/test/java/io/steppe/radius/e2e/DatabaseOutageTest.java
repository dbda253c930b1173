package io.steppe.radius.e2e;

import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.DatabaseConfig;
import io.steppe.db.embedded.EmbeddedPostgresServer;
import io.steppe.db.keys.TestKeys;
import io.steppe.radius.RadiusService;
import io.steppe.radius.auth.AccessPolicyConfig;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.transport.RadiusServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stops in the middle of accounting: nothing unsaved is acknowledged, Status-Server is still answered,
 * and once the database is back, without a restart, nothing acknowledged is lost. Steppe reaches it by pgjdbc's
 * multi-host form, as a city names its primary and standby, with the first host one that no longer answers.
 */
class DatabaseOutageTest {

    @TempDir
    Path home;

    static byte[] start(int n) {
        return TestPackets.accountingRequest(n, RadiusHarness.SECRET,
                TestPackets.integer(40, 1),
                TestPackets.attribute(1, ("user" + n).getBytes(StandardCharsets.US_ASCII)),
                TestPackets.attribute(44, ("session-" + n).getBytes(StandardCharsets.US_ASCII)));
    }

    /** A loopback port nothing listens on now: a database host that has gone. */
    static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void noAccountingResponseForUnsavedRecordsAndEveryAcknowledgedRecordSurvives() throws Exception {
        Path pgdata = home.resolve("pgdata");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startOrAttach(pgdata, true);
        int port = postgres.port();
        postgres.ensureDatabase("steppe");
        String url = "jdbc:postgresql://127.0.0.1:" + unusedPort() + ",127.0.0.1:" + port + "/steppe?targetServerType=primary";
        DatabaseConfig config = new DatabaseConfig(Optional.of(url), Optional.of(postgres.user()),
                Optional.of(postgres.password()), home, 4, true);
        Set<Integer> acknowledged = new HashSet<>();
        try (Database db = Database.open(config); TestPackets udp = new TestPackets()) {
            new NasRepository(db.dsl(), TestKeys.fixed()).add(Nas.of("loopback-gw", NasAddress.parse("127.0.0.1"), RadiusHarness.SECRET), "test");
            try (RadiusService radius = RadiusService.start(RadiusServerConfig.defaults("127.0.0.1", 0, 0),
                    AccessPolicyConfig.defaults(), db.dsl(), TestKeys.fixed(), Clock.systemUTC(), System::nanoTime, new CountingMetrics())) {
                for (int n = 1; n <= 20; n++) {
                    if (udp.exchange(radius.acctPort(), start(n)).isPresent()) {
                        acknowledged.add(n);
                    }
                }
                assertEquals(20, acknowledged.size(), "all answered while the database is up");

                postgres.close();
                List<byte[]> unsaved = new ArrayList<>();
                for (int n = 21; n <= 30; n++) {
                    unsaved.add(start(n));
                    udp.send(radius.acctPort(), unsaved.get(unsaved.size() - 1));
                }
                long deadline = System.nanoTime() + 6_000_000_000L;
                while (System.nanoTime() < deadline) {
                    assertTrue(udp.receive().isEmpty(), "no Accounting-Response while the database is down");
                }
                assertEquals(2, udp.exchange(radius.authPort(), TestPackets.statusServer(1, RadiusHarness.SECRET)).orElseThrow()[0],
                        "Status-Server still answered, so gateways keep this server in their list");

                postgres = EmbeddedPostgresServer.startOrAttach(pgdata, true, port);
                for (int i = 0; i < unsaved.size(); i++) { // the gateway retransmits
                    for (int attempt = 0; attempt < 5; attempt++) {
                        if (udp.exchange(radius.acctPort(), unsaved.get(i)).isPresent()) {
                            acknowledged.add(21 + i);
                            break;
                        }
                    }
                }
                assertEquals(30, acknowledged.size(), "answered once the database is back");
            }
            Set<String> stored = new HashSet<>(db.dsl().select(RADIUS_SESSION_OPEN.USERNAME).from(RADIUS_SESSION_OPEN)
                    .fetch(RADIUS_SESSION_OPEN.USERNAME));
            for (int n : acknowledged) {
                assertTrue(stored.contains("user" + n), "acknowledged record " + n + " is stored");
            }
        } finally {
            postgres.close();
        }
    }
}
