package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.controller.ControllerService;
import io.steppe.controller.alert.Alert;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.controller.health.Reason;
import io.steppe.controller.history.History;
import io.steppe.web.Allowed;
import io.steppe.web.account.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The operators' AP views on the console (behind the console login): {@code /console/aps} (counts, open alerts,
 * map, a table filterable by state and site) and {@code /console/aps/{id}} (details and a 24-hour history chart).
 * Pages are complete without JavaScript; a small script ({@link ApConsoleAssets}) refreshes them from the JSON APIs.
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/console/aps")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApConsoleController {

    private static final int TABLE_ROWS = 500;
    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final ControllerService controller;

    ApConsoleController(ControllerService controller) {
        this.controller = controller;
    }

    @Get(produces = HTML)
    String list(@Nullable @QueryValue String state, @Nullable @QueryValue String site) {
        Collection<ApSnapshot> all = controller.evaluator().snapshot().values();
        Map<ApState, Integer> counts = new EnumMap<>(ApState.class);
        all.forEach(a -> counts.merge(a.state(), 1, Integer::sum));
        StringBuilder body = new StringBuilder("<header><a href=\"/console/\">Steppe console</a> · <strong>Access points</strong></header><main>");
        body.append("<section id=\"counts\">");
        for (ApState s : List.of(ApState.DOWN, ApState.UNREACHABLE, ApState.DEGRADED, ApState.UP, ApState.UNKNOWN)) {
            body.append("<a class=\"badge ").append(s).append("\" href=\"/console/aps?state=").append(s).append("\">").append(s).append(' ')
                    .append("<span data-count=\"").append(s).append("\">").append(counts.getOrDefault(s, 0)).append("</span></a>");
        }
        body.append("</section><section><h2>Open alerts</h2><ul id=\"alerts\">");
        List<Alert> alerts = controller.evaluator().alerts().openAlerts();
        if (alerts.isEmpty()) {
            body.append("<li class=\"muted\">none</li>");
        }
        alerts.forEach(a -> body.append("<li>").append(ApPages.escape(a.message())).append(" <span class=\"muted\">since ")
                .append(a.openedAt()).append("</span></li>"));
        body.append("</ul></section><section><h2>Map</h2>").append(ApMap.svg(all)).append("</section>");
        body.append(table(all, state, site)).append("</main>");
        return ApPages.page("Steppe · access points", body.toString(), ApConsoleAssets.LIST_SCRIPT);
    }

    private String table(Collection<ApSnapshot> all, @Nullable String state, @Nullable String site) {
        TreeSet<String> sites = new TreeSet<>();
        all.forEach(a -> a.ap().site().ifPresent(sites::add));
        StringBuilder out = new StringBuilder("<section><h2>Access points</h2><form method=\"get\" action=\"/console/aps\">"
                + "<label>State <select name=\"state\"><option value=\"\">any</option>");
        for (ApState s : ApState.values()) {
            out.append("<option").append(s.name().equals(state) ? " selected" : "").append('>').append(s).append("</option>");
        }
        out.append("</select></label> <label>Site <select name=\"site\"><option value=\"\">any</option>");
        for (String s : sites) {
            out.append("<option").append(s.equals(site) ? " selected" : "").append(" value=\"").append(ApPages.escape(s)).append("\">")
                    .append(ApPages.escape(s)).append("</option>");
        }
        out.append("</select></label> <button type=\"submit\">Filter</button></form>");
        List<ApSnapshot> rows = all.stream()
                .filter(a -> state == null || state.isEmpty() || a.state().name().equals(state))
                .filter(a -> site == null || site.isEmpty() || a.ap().site().filter(site::equals).isPresent())
                .sorted(Comparator.comparing((ApSnapshot a) -> -a.state().ordinal()).thenComparing(a -> a.ap().id())).toList();
        out.append("<p class=\"muted\">").append(rows.size()).append(" APs").append(rows.size() > TABLE_ROWS
                ? ", the " + TABLE_ROWS + " worst shown; filter by state or site to see others" : "").append("</p>");
        out.append("<table id=\"aps\"><thead><tr><th>AP</th><th>Name</th><th>Site</th><th>Gateway</th><th>State</th><th>Reasons</th>"
                + "<th>Clients</th><th>Users</th><th>Flaps</th><th>Last heartbeat</th></tr></thead><tbody>");
        for (ApSnapshot a : rows.subList(0, Math.min(rows.size(), TABLE_ROWS))) {
            out.append("<tr data-id=\"").append(ApPages.escape(a.ap().id())).append("\"><td><a href=\"/console/aps/").append(ApPages.escape(a.ap().id()))
                    .append("\">").append(ApPages.escape(a.ap().id())).append("</a></td><td>").append(ApPages.escape(a.ap().name()))
                    .append("</td><td>").append(ApPages.escape(a.ap().site().orElse(""))).append("</td><td>")
                    .append(ApPages.escape(a.ap().gateway().orElse(""))).append("</td><td class=\"state ").append(a.state()).append("\">")
                    .append(a.state()).append("</td><td class=\"reasons\">")
                    .append(ApPages.escape(String.join("; ", a.condition().reasons().stream().map(Reason::text).toList())))
                    .append("</td><td>").append(a.latest().flatMap(r -> r.heartbeat().clients().isPresent()
                            ? java.util.Optional.of(r.heartbeat().clients().getAsInt()) : java.util.Optional.empty()).map(String::valueOf).orElse(""))
                    .append("</td><td>").append(a.usage().users()).append("</td><td>").append(a.flaps()).append("</td><td>")
                    .append(a.latest().map(r -> r.receivedAt().toString()).orElse("never")).append("</td></tr>");
        }
        return out.append("</tbody></table></section>").toString();
    }

    @Get(uri = "/{id}", produces = HTML)
    HttpResponse<String> one(String id) {
        ApSnapshot a = controller.evaluator().snapshot().get(id);
        if (a == null) {
            return HttpResponse.<String>notFound().body(ApPages.page("Steppe · no such AP", "<header><a href=\"/console/aps\">Access points</a></header>"
                    + "<main><p>No AP with id '" + ApPages.escape(id) + "' (or it is not evaluated yet).</p></main>", ""));
        }
        StringBuilder body = new StringBuilder("<header><a href=\"/console/\">Steppe console</a> · <a href=\"/console/aps\">Access points</a> · <strong>")
                .append(ApPages.escape(id)).append("</strong></header><main data-ap=\"").append(ApPages.escape(id)).append("\"><section><h1>")
                .append(ApPages.escape(a.ap().name())).append(" <span id=\"state\" class=\"").append(a.state()).append("\">").append(a.state())
                .append("</span></h1><ul id=\"reasons\">");
        a.condition().reasons().forEach(r -> body.append("<li>").append(ApPages.escape(r.text())).append("</li>"));
        body.append("</ul><table>");
        row(body, "MAC", a.ap().mac().toString());
        row(body, "Site", a.ap().site().orElse(""));
        row(body, "Gateway", a.ap().gateway().orElse(""));
        row(body, "Model / firmware", a.ap().hardware().model().orElse("?") + " / "
                + a.latest().flatMap(r -> r.heartbeat().firmware()).or(() -> a.ap().hardware().firmware()).orElse("?"));
        row(body, "In this state since", a.since().toString());
        row(body, "Flaps", Integer.toString(a.flaps()));
        row(body, "Last heartbeat", a.latest().map(r -> r.receivedAt().toString()).orElse("never"));
        row(body, "RADIUS sessions / users", a.usage().sessions() + " / " + a.usage().users());
        body.append("</table></section><section><h2>Last 24 hours</h2><div id=\"chart\">").append(chart(id)).append("</div>")
                .append("<p class=\"muted\">Blue: clients; dashed orange: channel utilisation; band: state.</p></section></main>");
        return HttpResponse.ok(ApPages.page("Steppe · " + id, body.toString(), ApConsoleAssets.ONE_SCRIPT));
    }

    /** The chart alone, for the page's script to refresh. */
    @Get(uri = "/{id}/chart", produces = HTML)
    String chart(String id) {
        Instant now = controller.clock().instant();
        History h = controller.history().read(id, now.minus(Duration.ofDays(1)), now, now);
        return HistoryChart.svg(h);
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("<tr><th>").append(ApPages.escape(name)).append("</th><td>").append(ApPages.escape(value)).append("</td></tr>");
    }
}
