package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.TestDatabases;
import io.steppe.ops.Steppe;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.SteppeServer;
import io.steppe.radius.nas.NasRepository;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping, restarting and killing {@code serve}, as an operator would. */
class LifecycleTest {

    @TempDir
    Path home;
    final Http http = new Http();

    @Test
    void restartOnTheSameHomeKeepsAGatewayAddedWhileRunning() {
        Map<String, String> env = TestEnvironment.of(home);
        try (SteppeServer server = SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC())) {
            // A command given while serve runs works on that instance's database.
            assertEquals(0, steppe(env, "nas", "add", "--name", "gw-restart", "--ip", "10.9.0.0/24", "--secret", "restart-secret-123456"));
            assertEquals(List.of("gw-restart"), names(server));
        }
        try (SteppeServer server = SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC())) {
            assertEquals(List.of("gw-restart"), names(server));
            assertEquals(200, http.get(server.listeners().apiPort(), "/health").statusCode());
        }
    }

    @Test
    void sigtermStopsWithinTenSecondsAndLeavesTheDatabaseShutDown() throws Exception {
        Map<String, String> env = TestEnvironment.of(home);
        try (ChildSteppe child = ChildSteppe.serve(env)) {
            assertEquals(200, http.get(child.apiPort, "/health").statusCode());
            child.signal("TERM");
            assertTrue(child.process.waitFor(10, TimeUnit.SECONDS), "exited within 10 s of SIGTERM");
            assertEquals(0, child.process.exitValue());
        }
        if (!TestDatabases.external()) {
            assertFalse(Files.exists(home.resolve("pgdata/postmaster.pid")), "the embedded PostgreSQL was shut down");
        }
    }

    @Test
    void killedInstanceRestartsCleanlyWithItsData() throws Exception {
        Map<String, String> env = TestEnvironment.of(home);
        try (ChildSteppe child = ChildSteppe.serve(env)) {
            assertEquals(0, steppe(env, "nas", "add", "--name", "gw-before-kill", "--ip", "10.8.0.1", "--secret", "kill-secret-1234567"));
            child.signal("KILL");
            assertTrue(child.process.waitFor(10, TimeUnit.SECONDS));
        }
        try (SteppeServer server = SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC())) {
            assertEquals(200, http.get(server.listeners().apiPort(), "/health").statusCode());
            assertEquals(List.of("gw-before-kill"), names(server));
        }
    }

    @Test
    void healthIsDownAndNamesTheDatabaseWhenItStops() throws Exception {
        Map<String, String> env = new HashMap<>(TestEnvironment.of(home));
        env.remove("STEPPE_DB_URL"); // this test stops the database under the server, so it must own it
        try (SteppeServer server = SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC())) {
            String pid = Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).trim();
            assertEquals(0, new ProcessBuilder("kill", "-INT", pid).start().waitFor());
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> p.onExit().join());
            var health = http.get(server.listeners().apiPort(), "/health");
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("\"failing\":[\"database\"]"), health.body());
        }
    }

    @Test
    void portInUseIsOneLineNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = new HashMap<>(TestEnvironment.of(home));
            env.put("STEPPE_API_PORT", Integer.toString(taken.getLocalPort()));
            StringWriter err = new StringWriter();
            int status = Steppe.run(new String[] {"serve"}, env, new ByteArrayInputStream(new byte[0]),
                    new PrintWriter(new StringWriter()), new PrintWriter(err, true));
            assertEquals(2, status);
            assertEquals("steppe: port " + taken.getLocalPort() + " (STEPPE_API_PORT, console and APIs) is already in use on 127.0.0.1",
                    err.toString().strip());
        }
    }

    private static List<String> names(SteppeServer server) {
        return new NasRepository(server.database().dsl(), server.keys()).list().stream().map(n -> n.name()).toList();
    }

    private static int steppe(Map<String, String> env, String... args) {
        return Steppe.run(args, env, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
