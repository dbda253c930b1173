package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.db.net.MacAddress;
import io.steppe.ops.observability.ObservabilityKit;
import io.steppe.portal.uam.UamChecksum;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules and dashboards of {@code ops/observability/} read only metrics a running Steppe exports: a node is
 * given some traffic (RADIUS through radclient, a heartbeat, portal logins, an SMS code), scraped, and every name a
 * rule or panel reads must be among the scraped samples.
 */
class MetricsKitTest {

    /**
     * Metrics that changes not yet merged add; each name leaves this set once its change is in (the test says which).
     */
    static final Set<String> EXPECTED_FROM_OTHER_BRANCHES = Set.of(
            "steppe_compliance_exports_total",
            "steppe_retention_partitions_dropped_total");
    /** Exported only where STEPPE_TLS_CERT is set, which this node does not. */
    static final Set<String> ONLY_WITH_TLS = Set.of("steppe_tls_certificate_expiry_timestamp_seconds");
    /** Series Prometheus writes itself for each target it scrapes. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    static final String SECRET = "kit-radius-secret";
    static final String UAM_SECRET = "kit-uam-secret";

    final Http http = new Http();

    @Test
    void everyNameARuleOrPanelReadsIsExported(@TempDir Path home) throws Exception {
        try (InProcessSteppe steppe = InProcessSteppe.start(home, Map.of("STEPPE_SMS", "outbox"))) {
            TestGateways.add(steppe.server, "kit-gw", "127.0.0.1", SECRET, Optional.of(UAM_SECRET));
            steppe.server.radius().reloadGateways();
            traffic(steppe);

            String text = http.get(steppe.api, "/metrics").body();
            Map<String, Double> samples = PrometheusText.parse(text);
            Set<String> exported = samples.keySet().stream().map(k -> k.contains("{") ? k.substring(0, k.indexOf('{')) : k)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(1.0, samples.get("steppe_portal_logins_total{method=\"voucher\",outcome=\"unknown\"}"), "a voucher refused");
            assertEquals(1.0, samples.get("steppe_sms_sent_total"), "an SMS sent");
            assertEquals(1.0, samples.get("steppe_sms_hourly_budget_used"), "of this hour's budget");
            assertEquals(1.0, samples.get("steppe_ap_heartbeats_total"), "a heartbeat");

            List<String> unknown = new ArrayList<>();
            Stream.concat(ObservabilityKit.ruleExpressions().stream(), ObservabilityKit.dashboardQueries().stream()).forEach(q -> {
                for (String name : ObservabilityKit.metricNames(q.expr())) {
                    if (!exported.contains(name) && !EXPECTED_FROM_OTHER_BRANCHES.contains(name) && !ONLY_WITH_TLS.contains(name)
                            && !PROMETHEUS_OWN.contains(name)) {
                        unknown.add(q.where() + " reads " + name);
                    }
                }
            });
            assertEquals(List.of(), unknown, "names Steppe does not export; it exports " + exported);
            for (String name : EXPECTED_FROM_OTHER_BRANCHES) {
                assertTrue(!exported.contains(name), name + " is exported now: take it out of EXPECTED_FROM_OTHER_BRANCHES");
            }
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
