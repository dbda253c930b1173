package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.bench.sim.AccessRequestSender;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.db.net.MacAddress;
import io.steppe.db.TestDatabases;
import io.steppe.ops.Steppe;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.UserError;
import io.steppe.ops.server.SteppeServer;
import io.steppe.radius.auth.VoucherIssuer;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in this JVM on one database, as a city runs them behind its gateways' primary and secondary RADIUS
 * servers: what is changed through one is enforced by the other within 2 s.
 */
class ClusterTest {

    static final String SECRET = "cluster-gateway-secret";
    static final String PHONE = "AA-BB-CC-00-00-01";

    @TempDir
    Path home;
    TestDatabases.Location database;
    InProcessSteppe a;
    SteppeServer b;
    final Http http = new Http();

    @BeforeEach
    void twoNodes() throws IOException {
        database = TestDatabases.fresh();
        a = InProcessSteppe.start(home.resolve("a"), shared());
        b = second("b");
    }

    @AfterEach
    void close() {
        b.close();
        a.close();
    }

    Map<String, String> shared() {
        return shared(database);
    }

    /** The environment that points a node at the shared database. */
    static Map<String, String> shared(TestDatabases.Location database) {
        Map<String, String> env = new HashMap<>();
        // An AP's alert opens as soon as it is DOWN, and nothing probes it.
        env.put("STEPPE_AP_GROUP_WAIT_SECONDS", "0");
        env.put("STEPPE_AP_PROBES", "off");
        env.put("STEPPE_DB_URL", database.url());
        database.user().ifPresent(u -> env.put("STEPPE_DB_USER", u));
        database.password().ifPresent(p -> env.put("STEPPE_DB_PASSWORD", p));
        return env;
    }

    /** Another node, with the first node's keys copied to its home as an operator would copy them. */
    SteppeServer second(String name) throws IOException {
        copyKeys(home.resolve("a"), home.resolve(name));
        return node(name);
    }

    static void copyKeys(Path from, Path to) throws IOException {
        Path keys = to.resolve("keys");
        Files.createDirectories(keys);
        try (Stream<Path> files = Files.list(from.resolve("keys"))) {
            for (Path f : files.toList()) {
                Files.copy(f, keys.resolve(f.getFileName()));
            }
        }
    }

    SteppeServer node(String name) {
        return node(home.resolve(name), database);
    }

    static SteppeServer node(Path home, TestDatabases.Location database) {
        Map<String, String> env = TestEnvironment.of(home);
        env.putAll(shared(database));
        return SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC());
    }

    /** The gateway, waiting {@code wait} for an answer and as long again after sending once more. */
    static AccessRequestSender gateway(SteppeServer node, Duration wait) {
        return new AccessRequestSender(new InetSocketAddress(InetAddress.getLoopbackAddress(), node.radius().authPort()),
                InetAddress.getLoopbackAddress(), SECRET, wait);
    }

    static AccessRequestSender accounting(SteppeServer node) {
        return new AccessRequestSender(new InetSocketAddress(InetAddress.getLoopbackAddress(), node.radius().acctPort()), SECRET);
    }

    static Optional<Integer> login(SteppeServer node, String code) {
        return gateway(node, Duration.ofSeconds(3)).pap(code, code.getBytes(StandardCharsets.UTF_8), PHONE);
    }

    /** A login that gives up after 200 ms, so that asking again and again measures to a fifth of a second. */
    static Optional<Integer> quickLogin(SteppeServer node, String code) {
        return gateway(node, Duration.ofMillis(100)).pap(code, code.getBytes(StandardCharsets.UTF_8), PHONE);
    }

    void addGatewayThrough(SteppeServer node) {
        new NasRepository(node.database().dsl(), node.keys()).add(Nas.of("cluster-gw", NasAddress.parse("127.0.0.1"), SECRET), "test");
    }

    String voucherThrough(SteppeServer node, int minutes) {
        return new VoucherIssuer(node.database().dsl(), node.keys(), Clock.systemUTC(), new SecureRandom())
                .issue(1, minutes, Duration.ofDays(1), 1, "test").get(0);
    }

    /** Asks until {@code answer} gives {@code expected}, for at most 2 s. */
    static void within2Seconds(int expected, Supplier<Optional<Integer>> answer, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        Optional<Integer> last;
        do {
            last = answer.get();
            if (last.equals(Optional.of(expected))) {
                return;
            }
        } while (System.nanoTime() < deadline);
        assertEquals(Optional.of(expected), last, what + ": not within 2 s");
    }

    @Test
    void aGatewayAddedThroughOneNodesCliIsServedByTheOtherWithin2Seconds() {
        Map<String, String> env = TestEnvironment.of(home.resolve("a"));
        env.putAll(shared());
        StringWriter err = new StringWriter();
        int status = Steppe.run(new String[] {"nas", "add", "--name", "cluster-gw", "--ip", "127.0.0.1", "--secret", SECRET}, env,
                InputStream.nullInputStream(), new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        String code = voucherThrough(a.server, 60);
        within2Seconds(2, () -> quickLogin(b, code), "Access-Accept from the node the gateway was not added through");
    }

    @Test
    void anAllowanceUsedUpThroughOneNodeIsRefusedByTheOtherWithin2Seconds() {
        addGatewayThrough(a.server);
        a.server.radius().reloadGateways();
        b.radius().reloadGateways();
        String code = voucherThrough(a.server, 2);
        assertEquals(Optional.of(2), login(a.server, code), "its first login");
        assertEquals(Optional.of(2), login(a.server, code), "again, from the first node's memory");
        assertEquals(Optional.of(5), accounting(b).accounting(1, "s-1", code, PHONE, new byte[] {10, 1, 0, 9}, 0, 0, 0), "the Start, on the other node");
        assertEquals(Optional.of(5), accounting(b).accounting(2, "s-1", code, PHONE, new byte[] {10, 1, 0, 9}, 120, 1000, 5000),
                "its 2 minutes used up, on the other node");
        within2Seconds(3, () -> quickLogin(a.server, code), "Access-Reject from the node that still remembered the allowance");
    }

    @Test
    void aVoucherRevokedInTheDatabaseIsRefusedByEveryNodeWithin2Seconds() {
        addGatewayThrough(a.server);
        a.server.radius().reloadGateways();
        String code = voucherThrough(a.server, 60);
        assertEquals(Optional.of(2), login(a.server, code));
        assertEquals(Optional.of(2), login(a.server, code), "from memory");
        // An operator's SQL, through the other node's connection: no Steppe code path tells the first node.
        b.database().dsl().execute("UPDATE voucher SET valid_until = now() - interval '1 minute'");
        within2Seconds(3, () -> quickLogin(a.server, code), "Access-Reject for the revoked voucher");
    }

    /**
     * The AP reports to the node that does not judge the APs; the one that does judges it from the database, and
     * both show the same state and the same one alert when it falls silent.
     */
    @Test
    void anApHeardOnlyByOneNodeIsUpOnBothAndItsSilenceRaisesOneAlert() throws InterruptedException {
        String apToken = a.server.controller().aps().register(new AccessPoint("cl-01", MacAddress.parse("02-00-5E-10-00-77"), "Cluster AP",
                Optional.of("jining-centre"), Optional.empty(), Optional.empty(), Optional.empty()), "test");
        String token = http.consoleToken(a.api, InProcessSteppe.OPERATOR, InProcessSteppe.PASSWORD);
        int[] apis = {a.api, b.listeners().apiPort()};
        HttpResponse<String> beat = http.post(apis[1], "/api/aps/heartbeat", "application/json", "{\"interval_s\": 4, \"clients\": 4}",
                "Authorization", "Bearer " + apToken);
        assertEquals(200, beat.statusCode(), beat.body());
        for (int api : apis) {
            awaitState(api, token, "UP");
        }
        for (int api : apis) {
            awaitState(api, token, "DOWN");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String alerts;
        do {
            alerts = http.get(apis[1], "/api/alerts", "Authorization", "Bearer " + token).body();
        } while (!alerts.contains("cl-01") && System.nanoTime() < deadline && pause());
        assertEquals(1, alerts.split("\"subject\":\"cl-01\"", -1).length - 1, alerts);
        String onTheOther = http.get(apis[0], "/api/alerts", "Authorization", "Bearer " + token).body();
        assertEquals(1, onTheOther.split("\"subject\":\"cl-01\"", -1).length - 1, "the same alert on the other node: " + onTheOther);
        assertEquals(1, a.server.database().dsl().fetchCount(DSL.selectOne().from(DSL.table("ap_alert"))), "one alert stored");
    }

    /** A node that starts after the AP last reported, to another node, shows it as that node does. */
    @Test
    void anApHeardByOneNodeIsUpOnANodeStartedLater() throws IOException {
        String apToken = a.server.controller().aps().register(new AccessPoint("cl-03", MacAddress.parse("02-00-5E-10-00-79"), "Cluster AP",
                Optional.of("jining-centre"), Optional.empty(), Optional.empty(), Optional.empty()), "test");
        String token = http.consoleToken(a.api, InProcessSteppe.OPERATOR, InProcessSteppe.PASSWORD);
        HttpResponse<String> beat = http.post(a.api, "/api/aps/heartbeat", "application/json", "{\"interval_s\": 600, \"clients\": 4}",
                "Authorization", "Bearer " + apToken);
        assertEquals(200, beat.statusCode(), beat.body());
        awaitState(a.api, token, "cl-03", "UP");
        try (SteppeServer later = second("c")) {
            awaitState(later.listeners().apiPort(), token, "cl-03", "UP");
        }
    }

    static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitState(int api, String token, String state) {
        awaitState(api, token, "cl-01", state);
    }

    void awaitState(int api, String token, String ap, String state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String shown;
        do {
            shown = http.get(api, "/api/aps/" + ap, "Authorization", "Bearer " + token).body();
        } while (!shown.contains("\"state\":\"" + state + "\"") && System.nanoTime() < deadline && pause());
        assertTrue(shown.contains("\"state\":\"" + state + "\""), "on the node at :" + api + ", " + state + " within 30 s: " + shown);
    }

    @Test
    void eachNodeListsBothAndOneRunsTheWorkThatMustHappenOnce() {
        String token = http.consoleToken(a.api, InProcessSteppe.OPERATOR, InProcessSteppe.PASSWORD);
        HttpResponse<String> nodes = http.get(b.listeners().apiPort(), "/api/nodes", "Authorization", "Bearer " + token);
        assertEquals(200, nodes.statusCode(), nodes.body());
        assertTrue(nodes.body().contains(a.server.database().node()) && nodes.body().contains(b.database().node()), nodes.body());
        assertEquals(1, nodes.body().split("\"singletons\"", -1).length - 1, "one node holds the singleton work: " + nodes.body());
        assertTrue(nodes.body().startsWith("[{\"id\":\"" + b.database().node() + "\",\"self\":true"), "the answering node first: " + nodes.body());
        HttpResponse<String> page = http.get(a.api, "/console/nodes", "Authorization", "Bearer " + token);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<tr data-id=\"" + b.database().node() + "\">")
                && page.body().contains(a.server.database().node() + " <span class=\"muted\">(this node)</span>"), page.body());
        assertTrue(http.get(a.api, "/console/", "Authorization", "Bearer " + token).body().contains("href=\"/console/nodes\""),
                "the front page links to it");
    }

    @Test
    void aNodeWithOtherKeysIsRefusedBeforeItSealsAnything() {
        UserError refused = assertThrows(UserError.class, () -> node("c"));
        assertTrue(refused.getMessage().contains("copy the keys directory"), refused.getMessage());
    }
}
