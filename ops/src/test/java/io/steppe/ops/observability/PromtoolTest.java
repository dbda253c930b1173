package io.steppe.ops.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules and dashboards as Prometheus itself reads them (Debian's {@code promtool}): the rules load, a few
 * alerts fire on the series Steppe exports and stay quiet otherwise, and every dashboard query is valid PromQL.
 */
class PromtoolTest {

    static final String PROMTOOL = "/usr/bin/promtool";

    @Test
    void theRulesLoad() throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL, "check", "rules"));
        ObservabilityKit.ruleFiles().forEach(f -> command.add(f.toString()));
        assertTrue(ObservabilityKit.ruleFiles().size() >= 5, "rule files: " + ObservabilityKit.ruleFiles());
        Result r = run(command);
        assertEquals(0, r.status(), r.out());
    }

    @Test
    void alertsFireOnWhatTheyAreAbout() throws Exception {
        Result r = run(List.of(PROMTOOL, "test", "rules", ObservabilityKit.HOME.resolve("tests/alerts.test.yml").toString()));
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("SUCCESS"), r.out());
    }

    @Test
    void everyDashboardQueryIsPromQl(@TempDir Path dir) throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        List<ObservabilityKit.Query> queries = ObservabilityKit.dashboardQueries();
        int n = 0;
        for (ObservabilityKit.Query q : queries) {
            if (q.expr().startsWith("label_values(")) {
                continue;
            }
            // Grafana's variables, as Grafana fills them in before Prometheus sees the query
            String expr = q.expr().replace("$__rate_interval", "5m").replace("$__interval", "1m").replace("$__range", "6h")
                    .replace("$instance", ".*");
            assertFalse(expr.contains("$"), q.where() + " uses a variable Grafana does not fill in: " + q.expr());
            rules.append("      - record: dashboard:query").append(n++).append("\n        expr: '").append(expr.replace("'", "''"))
                    .append("'\n");
        }
        Path file = dir.resolve("dashboards.yml");
        Files.writeString(file, rules);
        Result r = run(List.of(PROMTOOL, "check", "rules", file.toString()));
        assertEquals(0, r.status(), r.out() + "\n" + rules);
        assertTrue(n >= 40, "dashboard queries: " + n);
    }

    /** Imported through Grafana's UI it asks for the Prometheus data source; provisioned, it takes the default one. */
    @Test
    void dashboardsImportWithAChoiceOfDataSource() {
        Set<String> uids = new java.util.HashSet<>();
        for (Path file : ObservabilityKit.dashboards()) {
            JsonNode d = ObservabilityKit.json(file);
            String name = file.getFileName().toString();
            assertEquals("DS_PROMETHEUS", d.get("__inputs").get(0).get("name").getStringValue(), name);
            assertTrue(d.get("schemaVersion").getIntValue() >= 36, name);
            assertTrue(uids.add(d.get("uid").getStringValue()), name + " shares its uid");
            JsonNode datasource = d.get("templating").get("list").get(0);
            assertEquals("datasource", datasource.get("type").getStringValue(), name);
            assertEquals("${DS_PROMETHEUS}", datasource.get("current").get("value").getStringValue(), name);
            for (JsonNode panel : ObservabilityKit.panels(d)) {
                if (panel.get("type").getStringValue().equals("row")) {
                    continue;
                }
                String title = name + " \"" + panel.get("title").getStringValue() + "\"";
                assertEquals("${datasource}", panel.get("datasource").get("uid").getStringValue(), title);
                assertTrue(panel.get("targets").size() > 0, title);
                for (JsonNode target : panel.get("targets").values()) {
                    assertFalse(target.get("expr").getStringValue().isBlank(), title);
                }
            }
        }
        assertEquals(5, uids.size(), "RADIUS, portal and SMS, AP health, coverage, JVM and database");
    }

    record Result(int status, String out) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool hung");
        return new Result(p.exitValue(), out);
    }
}
