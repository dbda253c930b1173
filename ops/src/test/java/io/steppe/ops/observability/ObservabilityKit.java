package io.steppe.ops.observability;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of {@code ops/observability/} as the tests read them: each alert's expression, each dashboard panel's
 * query, and the metric names a PromQL expression reads.
 */
public final class ObservabilityKit {

    /** Where the kit lives, from the module's directory (where Maven runs the tests). */
    public static final Path HOME = Path.of("observability");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "inf", "nan");
    private static final Pattern EXPR = Pattern.compile("^(\\s*)expr:\\s*(.*)$");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private ObservabilityKit() {
    }

    /** An expression and where it came from, for messages. */
    public record Query(String where, String expr) {
    }

    public static List<Path> ruleFiles() {
        return files(HOME.resolve("prometheus"), ".yml");
    }

    public static List<Path> dashboards() {
        return files(HOME.resolve("grafana"), ".json");
    }

    /** Every {@code expr} of every rule file, single-line or a block scalar ({@code |}, {@code >-}). */
    public static List<Query> ruleExpressions() {
        List<Query> queries = new ArrayList<>();
        for (Path file : ruleFiles()) {
            List<String> lines = read(file).lines().toList();
            long rules = lines.stream().filter(l -> l.matches("\\s*- (alert|record):.*")).count();
            int found = 0;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = EXPR.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                found++;
                String rest = m.group(2).trim();
                StringBuilder expr = new StringBuilder();
                if (rest.startsWith("|") || rest.startsWith(">")) {
                    int indent = m.group(1).length();
                    while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indentOf(lines.get(i + 1)) > indent)) {
                        expr.append(lines.get(++i).trim()).append('\n');
                    }
                } else {
                    expr.append(rest.replaceAll("^'(.*)'$", "$1").replaceAll("^\"(.*)\"$", "$1"));
                }
                queries.add(new Query(file.getFileName() + ":" + (i + 1), expr.toString().trim()));
            }
            if (found != rules) {
                throw new AssertionError(file + ": " + rules + " rules but " + found + " expressions read");
            }
        }
        return queries;
    }

    /** Every target of every panel, and every variable's query, of every dashboard. */
    public static List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = json(file);
            for (JsonNode panel : panels(dashboard)) {
                JsonNode targets = panel.get("targets");
                if (targets == null) {
                    continue;
                }
                for (JsonNode target : targets.values()) {
                    queries.add(new Query(file.getFileName() + " \"" + panel.get("title").getStringValue() + "\"",
                            target.get("expr").getStringValue()));
                }
            }
            for (JsonNode variable : dashboard.get("templating").get("list").values()) {
                if (variable.get("type").getStringValue().equals("query")) {
                    queries.add(new Query(file.getFileName() + " variable " + variable.get("name").getStringValue(),
                            variable.get("definition").getStringValue()));
                }
            }
        }
        return queries;
    }

    /** The panels of a dashboard, those inside rows included. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels").values()) {
            all.add(panel);
            JsonNode inner = panel.get("panels");
            if (inner != null) {
                inner.values().forEach(all::add);
            }
        }
        return all;
    }

    public static JsonNode json(Path file) {
        try {
            return JsonMapper.createDefault().readValue(Files.readAllBytes(file), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The metric names {@code expr} reads: identifiers that are not inside strings, label matchers, ranges or grouping
     * lists, not functions (followed by a parenthesis), not keywords and not Grafana's variables. A name is taken as
     * written ({@code _bucket}, {@code _total} and all), as Prometheus stores it.
     */
    public static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", "\"\"")
                .replaceAll("\\$\\{[^}]*}|\\$\\w+", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+\\w+", " ");
        // label_values(metric, label): the second argument is a label
        s = s.replaceAll("(label_values\\s*\\(\\s*[a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*\\w+\\s*\\)", "$1)");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String id = m.group();
            boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            boolean function = s.substring(m.end()).matches("(?s)\\s*\\(.*");
            if (!number && !function && !KEYWORDS.contains(id.toLowerCase(java.util.Locale.ROOT))) {
                names.add(id);
            }
        }
        return names;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
