package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code steppe serve} processes on one database; the one running the singleton work is killed with SIGKILL. */
class ClusterFailoverTest {

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
