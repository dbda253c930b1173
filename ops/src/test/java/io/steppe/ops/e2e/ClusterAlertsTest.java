package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.db.TestDatabases;
import io.steppe.db.net.MacAddress;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.SteppeServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes on one database, one alert webhook: an AP falls silent, the node judging the APs stops, another takes
 * over, and the AP comes back. The operators' pager hears of the incident once and of its end once.
 */
class ClusterAlertsTest {

    @TempDir
    Path home;
    final Http http = new Http();
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final List<SteppeServer> nodes = new ArrayList<>();
    HttpServer hook;

    @AfterEach
    void close() {
        nodes.forEach(SteppeServer::close);
        if (hook != null) {
            hook.stop(0);
        }
    }

    @Test
    void theIncidentIsSentOnceAndItsEndOnceThroughATakeover() throws Exception {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        TestDatabases.Location database = TestDatabases.fresh();
        for (String name : List.of("a", "b", "c")) {
            if (!name.equals("a")) {
                ClusterTest.copyKeys(home.resolve("a"), home.resolve(name));
            }
            Map<String, String> env = TestEnvironment.of(home.resolve(name));
            env.putAll(ClusterTest.shared(database));
            // Heard again, the AP is UP at once rather than after a minute's hold.
            env.put("STEPPE_AP_HOLD_SECONDS", "0");
            env.put("STEPPE_AP_WEBHOOK_URL", "http://127.0.0.1:" + hook.getAddress().getPort() + "/pager");
            nodes.add(SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC()));
        }
        String apToken = nodes.get(0).controller().aps().register(new AccessPoint("cl-02", MacAddress.parse("02-00-5E-10-00-78"),
                "Cluster AP", Optional.of("jining-centre"), Optional.empty(), Optional.empty(), Optional.empty()), "test");
        // It reports to one node, then falls silent.
        assertEquals(200, heartbeat(nodes.get(2), apToken).statusCode());
        awaitDelivery(body -> body.startsWith("{\"event\":\"opened\"") && body.contains("cl-02"), 40, "the AP's alert");

        String holder = ClusterFailoverTest.holder(database).orElseThrow();
        SteppeServer judge = nodes.stream().filter(n -> n.database().node().equals(holder)).findFirst().orElseThrow();
        judge.close();
        nodes.remove(judge);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ClusterFailoverTest.holder(database).filter(h -> !h.equals(holder)).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(ClusterFailoverTest.holder(database).filter(h -> !h.equals(holder)).isPresent(), "no node took the work over");
        // The new judge evaluates the silent AP several times before it is heard again.
        Thread.sleep(3 * 2_000);
        assertEquals(200, heartbeat(nodes.get(nodes.size() - 1), apToken).statusCode());
        awaitDelivery(body -> body.startsWith("{\"event\":\"resolved\"") && body.contains("cl-02"), 20, "the end of the AP's alert");
        Thread.sleep(2 * 2_000);

        assertEquals(1, count("opened"), "opened once, whichever node judged: " + delivered);
        assertEquals(1, count("resolved"), "resolved once: " + delivered);
    }

    HttpResponse<String> heartbeat(SteppeServer node, String apToken) {
        return http.post(node.listeners().apiPort(), "/api/aps/heartbeat", "application/json", "{\"interval_s\": 4, \"clients\": 4}",
                "Authorization", "Bearer " + apToken);
    }

    long count(String event) {
        return delivered.stream().filter(b -> b.startsWith("{\"event\":\"" + event + "\"") && b.contains("cl-02")).count();
    }

    void awaitDelivery(Predicate<String> wanted, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (delivered.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(delivered.stream().anyMatch(wanted), what + " was not sent within " + seconds + " s: " + delivered);
    }
}
