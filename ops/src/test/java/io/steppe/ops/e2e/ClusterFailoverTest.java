package io.steppe.ops.e2e;

import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.bench.sim.AccessRequestSender;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.ops.server.SecretKeysFile;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code steppe serve} processes on one database; one is killed with SIGKILL. */
class ClusterFailoverTest {

    static final int GATEWAYS = 4;
    static final int RECORDS = 150;

    @TempDir
    Path home;
    final Http http = new Http();

    @Test
    void anotherNodeTakesTheSingletonWorkOverWithin10SecondsOfItsHoldersSigkill() throws Exception {
        TestDatabases.Location database = TestDatabases.fresh();
        Map<String, String> envA = TestEnvironment.of(home.resolve("a"));
        envA.putAll(ClusterTest.shared(database));
        try (ChildSteppe a = ChildSteppe.serve(envA)) {
            ClusterTest.copyKeys(home.resolve("a"), home.resolve("b"));
            Map<String, String> envB = TestEnvironment.of(home.resolve("b"));
            envB.putAll(ClusterTest.shared(database));
            try (ChildSteppe b = ChildSteppe.serve(envB)) {
                String first = holder(database).orElseThrow(() -> new AssertionError("nobody holds the singleton work"));
                a.signal("KILL");
                assertTrue(a.process.waitFor(10, TimeUnit.SECONDS));
                long killedAt = System.nanoTime();
                Optional<String> next = Optional.empty();
                while (System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(10)) {
                    next = holder(database).filter(h -> !h.equals(first));
                    if (next.isPresent()) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertTrue(next.isPresent(), "no other node held the singleton work 10 s after its holder was killed");
                assertNotEquals(first, next.get());
                assertEquals(200, http.get(b.apiPort, "/health").statusCode());
            }
        }
    }

    /**
     * A gateway sends its accounting to node A, its primary, and to B when A does not answer. A is killed in the
     * middle: every record either node acknowledged is stored.
     */
    @Test
    void everyAccountingRecordAcknowledgedBeforeAndAfterTheSigkillIsStored() throws Exception {
        TestDatabases.Location database = TestDatabases.fresh();
        int acctA = unusedUdpPort();
        int acctB = unusedUdpPort();
        Map<String, String> envA = TestEnvironment.of(home.resolve("a"), "STEPPE_RADIUS_ACCT_PORT", Integer.toString(acctA));
        envA.putAll(ClusterTest.shared(database));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger answeredByB = new AtomicInteger();
        try (ChildSteppe a = ChildSteppe.serve(envA)) {
            ClusterTest.copyKeys(home.resolve("a"), home.resolve("b"));
            Map<String, String> envB = TestEnvironment.of(home.resolve("b"), "STEPPE_RADIUS_ACCT_PORT", Integer.toString(acctB));
            envB.putAll(ClusterTest.shared(database));
            ExecutorService gateways = Executors.newFixedThreadPool(GATEWAYS);
            try (ChildSteppe b = ChildSteppe.serve(envB);
                 Database tool = Database.open(database.config(home.resolve("tool")))) {
                new NasRepository(tool.dsl(), SecretKeysFile.load(home.resolve("a")))
                        .add(Nas.of("cluster-gw", NasAddress.parse("127.0.0.1"), ClusterTest.SECRET), "test");
                AccessRequestSender primary = accountingTo(acctA);
                AccessRequestSender secondary = accountingTo(acctB);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (start(primary, 0).isEmpty()) {
                    assertTrue(System.nanoTime() < deadline, "node A never answered the gateway it was told of");
                }
                acknowledged.add("s-0");
                List<Future<?>> sending = new ArrayList<>();
                for (int g = 0; g < GATEWAYS; g++) {
                    int first = 1 + g * RECORDS;
                    sending.add(gateways.submit(() -> {
                        for (int n = first; n < first + RECORDS; n++) {
                            if (start(primary, n).isPresent()) {
                                acknowledged.add("s-" + n);
                            } else if (start(secondary, n).isPresent()) {
                                acknowledged.add("s-" + n);
                                answeredByB.incrementAndGet();
                            }
                        }
                    }));
                }
                while (acknowledged.size() < GATEWAYS * RECORDS / 3) {
                    Thread.sleep(1);
                }
                a.process.destroyForcibly(); // SIGKILL, while records are in flight
                for (Future<?> f : sending) {
                    f.get(2, TimeUnit.MINUTES);
                }
                Set<String> stored = new HashSet<>(tool.dsl().select(RADIUS_SESSION_OPEN.SESSION_ID).from(RADIUS_SESSION_OPEN)
                        .fetch(RADIUS_SESSION_OPEN.SESSION_ID));
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(stored);
                assertEquals(Set.of(), lost, "acknowledged but not stored");
                assertEquals(200, http.get(b.apiPort, "/health").statusCode(), "the secondary healthy after the primary's death");
                assertTrue(answeredByB.get() >= GATEWAYS * RECORDS / 2, "the secondary answered what the primary no longer could: " + answeredByB);
                assertTrue(acknowledged.size() >= GATEWAYS * RECORDS * 95 / 100, "acknowledged: " + acknowledged.size());
            } finally {
                gateways.shutdownNow();
            }
        }
    }

    static AccessRequestSender accountingTo(int port) {
        return new AccessRequestSender(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), InetAddress.getLoopbackAddress(),
                ClusterTest.SECRET, Duration.ofMillis(300));
    }

    static Optional<Integer> start(AccessRequestSender gateway, int n) {
        return gateway.accounting(1, "s-" + n, "user-" + n, ClusterTest.PHONE, new byte[] {10, 1, (byte) (n >> 8), (byte) n}, 0, 0, 0);
    }

    static int unusedUdpPort() throws SocketException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The node (its application_name) that holds an advisory lock on the database now. */
    static Optional<String> holder(TestDatabases.Location database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user().orElse(null), database.password().orElse(null));
             PreparedStatement s = c.prepareStatement("SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                     + " WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()");
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }
}
