package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.db.net.MacAddress;
import io.steppe.ops.observability.ObservabilityKit;
import io.steppe.portal.uam.UamChecksum;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules and dashboards of {@code ops/observability/} read only metrics a running Steppe exports: a node is
 * given some traffic (RADIUS through radclient, a heartbeat, portal logins, an SMS code), scraped, and every name a
 * rule or panel reads must be among the scraped samples; then Prometheus itself scrapes it and every rule and panel is
 * asked what it shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsKitTest {

    /** Exported only where STEPPE_TLS_CERT is set, which this node does not. */
    static final Set<String> ONLY_WITH_TLS = Set.of("steppe_tls_certificate_expiry_timestamp_seconds");
    /** Series Prometheus writes itself for each target it scrapes. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    static final String SECRET = "kit-radius-secret";
    static final String UAM_SECRET = "kit-uam-secret";

    final Http http = new Http();

    InProcessSteppe steppe;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        steppe = InProcessSteppe.start(home, Map.of("STEPPE_SMS", "outbox"));
        TestGateways.add(steppe.server, "kit-gw", "127.0.0.1", SECRET, Optional.of(UAM_SECRET));
        steppe.server.radius().reloadGateways();
        traffic(steppe);
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    @Test
    void everyNameARuleOrPanelReadsIsExported() {
        Map<String, Double> samples = PrometheusText.parse(http.get(steppe.api, "/metrics").body());
        Set<String> exported = samples.keySet().stream().map(k -> k.contains("{") ? k.substring(0, k.indexOf('{')) : k)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(1.0, samples.get("steppe_portal_logins_total{method=\"voucher\",outcome=\"unknown\"}"), "a voucher refused");
        assertEquals(1.0, samples.get("steppe_sms_sent_total"), "an SMS sent");
        assertEquals(1.0, samples.get("steppe_sms_hourly_budget_used"), "of this hour's budget");
        assertEquals(1.0, samples.get("steppe_ap_heartbeats_total"), "a heartbeat");

        List<String> unknown = new ArrayList<>();
        Stream.concat(ObservabilityKit.ruleExpressions().stream(), ObservabilityKit.dashboardQueries().stream()).forEach(q -> {
            for (String name : ObservabilityKit.metricNames(q.expr())) {
                if (!exported.contains(name) && !notHere(name)) {
                    unknown.add(q.where() + " reads " + name);
                }
            }
        });
        assertEquals(List.of(), unknown, "names Steppe does not export; it exports " + exported);
    }

    /**
     * What a new operator sees: a real Prometheus (Debian's) scrapes the node with the kit's rules loaded, every rule
     * evaluates without error, and every panel's query returns series, but those that are quiet while all is well.
     */
    @Test
    void prometheusScrapesTheNodeAndEveryPanelShowsData(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n  - "
                + ObservabilityKit.HOME.resolve("prometheus").toAbsolutePath() + "/*.yml\nscrape_configs:\n  - job_name: steppe\n"
                + "    static_configs:\n      - targets: [\"127.0.0.1:" + steppe.api + "\"]\n");
        Process prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            // rate() over a minute needs two scrapes of every series; a few more make it certain
            awaitResult(port, "count_over_time(up{job=\"steppe\"}[1m]) >= 4", 60);
            assertEquals("1", vector(port, "up{job=\"steppe\"}").get(0).get("value").get(1).getStringValue(), "Prometheus scrapes the node");

            JsonNode groups = json(http.get(port, "/api/v1/rules").body()).get("data").get("groups");
            int rules = 0;
            for (JsonNode group : groups.values()) {
                for (JsonNode rule : group.get("rules").values()) {
                    rules++;
                    assertEquals("ok", rule.get("health").getStringValue(), rule.get("name").getStringValue() + ": "
                            + (rule.get("lastError") == null ? "" : rule.get("lastError").getStringValue()));
                }
            }
            assertEquals(ObservabilityKit.ruleExpressions().size(), rules, "every rule loaded");

            List<String> empty = new ArrayList<>();
            for (ObservabilityKit.Query q : ObservabilityKit.dashboardQueries()) {
                boolean quiet = QUIET_WHILE_ALL_IS_WELL.stream().anyMatch(q.where()::endsWith)
                        || ObservabilityKit.metricNames(q.expr()).stream().anyMatch(MetricsKitTest::notHere);
                if (!quiet && !q.expr().startsWith("label_values(") && vector(port, grafana(q.expr())).size() == 0) {
                    empty.add(q.where() + ": " + q.expr());
                }
            }
            assertEquals(List.of(), empty, "panels without data");
        } finally {
            prometheus.destroy();
            assertTrue(prometheus.waitFor(30, TimeUnit.SECONDS), "Prometheus did not stop");
        }
    }

    /** Panels whose query is empty while nothing is wrong (their no-value text says so). */
    static final Set<String> QUIET_WHILE_ALL_IS_WELL = Set.of("\"Values left out of heartbeats, by field\"", "\"APs not up, by site\"",
            "\"APs that are not up\"");

    static boolean notHere(String name) {
        return ONLY_WITH_TLS.contains(name) || PROMETHEUS_OWN.contains(name);
    }

    /** The query as Grafana sends it, its variables filled in. */
    static String grafana(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "1h").replace("$instance", ".*");
    }

    private JsonNode vector(int port, String query) {
        HttpResponse<String> r = http.get(port, "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        return json(r.body()).get("data").get("result");
    }

    private void awaitResult(int port, String query, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 4; i++) {
            try {
                if (vector(port, query).size() > 0) {
                    return;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // Prometheus is still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no result for " + query + " within " + seconds + " s");
    }

    private static JsonNode json(String body) {
        try {
            return JsonMapper.createDefault().readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a working day brings, a little of each: the series the rules and panels read appear with their first event. */
    private void traffic(InProcessSteppe steppe) throws IOException, InterruptedException {
        int auth = steppe.server.radius().authPort();
        int acct = steppe.server.radius().acctPort();
        assertTrue(radclient(auth, "auth", SECRET, "User-Name = \"NOSUCHCODE\", User-Password = \"NOSUCHCODE\", Message-Authenticator = 0x00")
                .contains("Access-Reject"), "an unknown voucher is rejected");
        assertTrue(radclient(acct, "acct", SECRET, "User-Name = \"kit-user\", Acct-Status-Type = Start, Acct-Session-Id = \"kit-1\"")
                .contains("Accounting-Response"), "accounting is answered");
        radclient(acct, "acct", "not-the-secret", "User-Name = \"kit-user\", Acct-Status-Type = Stop, Acct-Session-Id = \"kit-1\"");

        String token = steppe.server.controller().aps().register(new AccessPoint("kit-ap", MacAddress.parse("02-00-5E-10-00-99"), "Kit AP",
                Optional.of("kit-site"), Optional.empty(), Optional.empty(), Optional.empty()), "test");
        assertEquals(200, http.post(steppe.api, "/api/aps/heartbeat", "application/json", "{\"interval_s\": 30, \"clients\": 3}",
                "Authorization", "Bearer " + token).statusCode());

        Map<String, String> fields = loginPage(steppe);
        fields.put("terms", "yes");
        fields.put("voucher", "NOSUCHCODE");
        assertEquals(422, http.post(steppe.portal, "/login/voucher", "application/x-www-form-urlencoded", PortalLoginTest.form(fields))
                .statusCode());
        fields.remove("voucher");
        fields.put("phone", "+976 9911 4243");
        assertEquals(200, http.post(steppe.portal, "/login/sms/request", "application/x-www-form-urlencoded", PortalLoginTest.form(fields))
                .statusCode());
    }

    private Map<String, String> loginPage(InProcessSteppe steppe) {
        byte[] challenge = new byte[16];
        new SecureRandom().nextBytes(challenge);
        String url = "http://127.0.0.1:" + steppe.portal + "/?res=notyet&uamip=10.1.0.1&uamport=3990&challenge="
                + HexFormat.of().formatHex(challenge) + "&mac=AA-BB-CC-00-00-43&nasid=kit-gw";
        HttpResponse<String> page = http.get(steppe.portal, url.substring(url.indexOf("/?")) + "&md=" + UamChecksum.compute(url, UAM_SECRET));
        assertEquals(200, page.statusCode(), page.body());
        return PortalLoginTest.hiddenFields(page.body());
    }

    private static String radclient(int port, String kind, String secret, String attributes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "2", "127.0.0.1:" + port, kind, secret)
                .redirectErrorStream(true).start();
        p.getOutputStream().write((attributes + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "radclient hung");
        return out;
    }
}
