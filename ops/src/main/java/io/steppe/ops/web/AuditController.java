package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.db.Database;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.Csv;
import io.steppe.web.Templates;
import io.steppe.web.Texts;
import io.steppe.web.account.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log, admins only: {@code GET /api/audit?from=&to=&actor=&action=} (JSON, or CSV with
 * {@code format=csv}) and {@code /console/audit}, newest first, at most {@value AuditQuery#MAX} entries an answer with
 * {@code before=} for older ones. Times are in the city's zone.
 */
@Allowed(Role.ADMIN)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** One entry as the API answers it: its time with the city's offset, its details as an object. */
    @Serdeable
    record AuditView(long id, OffsetDateTime at, String actor, String source, String action, String subject, Map<String, Object> details) {
    }

    private final AuditSearch search;
    private final ConsoleLayout layout;
    private final Clock clock;
    private final Templates templates = new Templates("io.steppe.ops.jte");

    AuditController(Database database, ConsoleLayout layout, Clock clock) {
        this.search = new AuditSearch(database.dsl());
        this.layout = layout;
        this.clock = clock;
    }

    @Get("/api/audit")
    HttpResponse<?> api(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                        @Nullable @QueryValue String actor, @Nullable @QueryValue String action, @Nullable @QueryValue String before,
                        @Nullable @QueryValue String limit, @Nullable @QueryValue String format) {
        ZoneId zone = layout.texts(request).zone();
        List<AuditSearch.Entry> entries = search.find(AuditQuery.of(from, to, actor, action, before, limit, zone));
        if ("csv".equals(format)) {
            StringBuilder csv = new StringBuilder(Csv.row("id", "at", "actor", "source", "action", "subject", "details"));
            entries.forEach(e -> csv.append(Csv.row(Long.toString(e.id()), e.at().atZone(zone).toOffsetDateTime().toString(),
                    e.actor(), e.source(), e.action(), e.subject(), e.details())));
            String file = "steppe-audit-" + FILE_STAMP.format(clock.instant().atZone(zone)) + ".csv";
            return HttpResponse.ok(csv.toString()).contentType("text/csv;charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        }
        return HttpResponse.ok(entries.stream().map(e -> new AuditView(e.id(), e.at().atZone(zone).toOffsetDateTime(), e.actor(),
                e.source(), e.action(), e.subject(), new LinkedHashMap<>(AuditDetails.map(e.details())))).toList());
    }

    @Get(uri = "/console/audit", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String page(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                @Nullable @QueryValue String actor, @Nullable @QueryValue String action, @Nullable @QueryValue String before) {
        Texts t = layout.texts(request);
        AuditQuery query = AuditQuery.of(from, to, actor, action, before, null, t.zone());
        List<AuditSearch.Entry> entries = search.find(query);
        AuditPage.Filters filters = new AuditPage.Filters(text(from), text(to), text(actor), text(action));
        List<AuditPage.Row> rows = entries.stream().map(e -> new AuditPage.Row(e.id(), e.at(), e.actor(), e.source(), e.action(),
                t.has("audit.action." + e.action()) ? t.get("audit.action." + e.action()) : e.action(), e.subject(),
                AuditDetails.readable(e.details(), t))).toList();
        String older = entries.size() < query.limit() ? null
                : "/console/audit?" + filterQuery(filters) + "&before=" + entries.get(entries.size() - 1).id();
        AuditPage page = new AuditPage(filters, rows, older, "/api/audit?" + filterQuery(filters) + "&format=csv");
        return layout.page(layout.page(request, t.get("audit.title"), Link.here(t.get("audit.heading"))),
                templates.content("audit.jte", Map.of("t", t, "page", page)));
    }

    private static String filterQuery(AuditPage.Filters f) {
        return "from=" + encode(f.from()) + "&to=" + encode(f.to()) + "&actor=" + encode(f.actor()) + "&action=" + encode(f.action());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.trim();
    }
}
