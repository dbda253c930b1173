package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.controller.ControllerService;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApCsvImport;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.controller.health.Words;
import io.steppe.controller.history.History;
import io.steppe.db.net.MacAddress;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.ConsoleTexts;
import io.steppe.web.Export;
import io.steppe.web.Texts;
import io.steppe.web.account.Role;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/aps[?state=&site=]}, {@code GET /api/aps/{id}}: the inventory with each AP's state and reasons
 * as of the last evaluation; {@code GET /api/aps/{id}/history?from=&to=}; {@code POST /api/aps} (one AP, as
 * {@code steppe ap add}) and {@code POST /api/aps/import} (the inventory CSV, as {@code steppe ap import}).
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/api/aps")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApController {

    private static final Duration MAX_HISTORY = Duration.ofDays(400);
    /** The request attribute in which the API's login filter leaves the caller's account name, for the audit log. */

    private final ControllerService controller;
    private final ConsoleTexts texts;
    private final JsonMapper json;

    ApController(ControllerService controller, ConsoleTexts texts, JsonMapper json) {
        this.controller = controller;
        this.texts = texts;
        this.json = json;
    }

    /** The APs as JSON, or as a CSV or GeoJSON download ({@code ?format=csv|geojson}, or {@code Accept: text/csv}). */
    @Get(produces = {MediaType.APPLICATION_JSON, "text/csv", "application/geo+json"})
    HttpResponse<?> list(@Nullable @QueryValue String state, @Nullable @QueryValue String site, @Nullable @QueryValue String format,
                         HttpRequest<?> request) {
        Optional<ApState> wanted = Optional.ofNullable(state).filter(s -> !s.isBlank()).map(ApController::state);
        Texts t = texts.of(request);
        List<ApView> aps = views(new ConsoleWords(t)).stream()
                .filter(v -> wanted.map(w -> w.name().equals(v.state())).orElse(true))
                .filter(v -> site == null || site.isBlank() || site.equals(v.site())).toList();
        switch (Export.choose(format, request, List.of(Export.JSON, Export.CSV, Export.GEOJSON))) {
            case CSV:
                return ApExport.csv(aps, t, controller.clock().instant());
            case GEOJSON:
                return ApExport.geojson(aps, t, controller.clock().instant(), json);
            default:
                return HttpResponse.ok(aps).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static ApState state(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(ApState.values()).filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadControllerRequest("state must be one of UP, DEGRADED, DOWN, UNREACHABLE, UNKNOWN"));
    }

    /** Every registered AP, as of the last evaluation; one registered since is shown as never seen. */
    List<ApView> views(Words words) {
        Map<String, ApSnapshot> snapshot = controller.evaluator().snapshot();
        List<ApView> out = new ArrayList<>(snapshot.size());
        for (AccessPoint ap : controller.aps().list()) {
            ApSnapshot s = snapshot.get(ap.id());
            out.add(s == null ? ApView.unevaluated(ap, words) : ApView.of(s, words));
        }
        return out;
    }

    @Get("/{id}")
    HttpResponse<?> one(String id, HttpRequest<?> request) {
        Words words = new ConsoleWords(texts.of(request));
        ApSnapshot s = controller.evaluator().snapshot().get(id);
        if (s != null) {
            return HttpResponse.ok(ApView.of(s, words));
        }
        return HttpResponse.ok(ApView.unevaluated(controller.aps().find(id).orElseThrow(() -> new UnknownAp(id)), words));
    }

    @Get("/{id}/history")
    HttpResponse<?> history(String id, @Nullable @QueryValue String from, @Nullable @QueryValue String to, HttpRequest<?> request) {
        if (controller.evaluator().snapshot().get(id) == null && controller.aps().find(id).isEmpty()) {
            throw new UnknownAp(id);
        }
        Instant now = controller.clock().instant();
        Instant end = to == null || to.isBlank() ? now : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(1)) : instant("from", from);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_HISTORY) > 0) {
            throw new BadControllerRequest("from must be before to, at most 400 days apart");
        }
        History h = controller.history().read(id, start, end, now);
        return HttpResponse.ok(HistoryView.of(h, new ConsoleWords(texts.of(request))));
    }

    private static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadControllerRequest(name + " must be ISO-8601 with an offset, e.g. 2026-05-01T00:00:00Z, was '" + value + "'");
        }
    }

    /** What {@code POST /api/aps} takes: {@code steppe ap add}'s options as JSON. */
    @Serdeable
    record NewAp(String id, String mac, String name, @Nullable String site, @Nullable Double lat, @Nullable Double lon,
                 @Nullable String gateway, @Nullable String mgmtIp, @Nullable String model, @Nullable String firmware,
                 @Nullable String installDate) {
    }

    /** Registers one AP; answers 201 with its heartbeat token (shown once) or 400 naming the problem. */
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> add(@Body NewAp body, HttpRequest<?> request) {
        if (body.id() == null || body.mac() == null || body.name() == null) {
            throw new BadControllerRequest("id, mac and name are required");
        }
        if ((body.lat() == null) != (body.lon() == null)) {
            throw new BadControllerRequest("lat and lon go together");
        }
        Optional<LocalDate> installed = Optional.ofNullable(body.installDate()).map(ApController::installDate);
        // the record's and the repository's checks (MAC, coordinates, an id already taken) are the caller's mistakes here
        String token = BadControllerRequest.parsing(() -> {
            AccessPoint ap = new AccessPoint(body.id(), MacAddress.parse(body.mac()), body.name(), Optional.ofNullable(body.site()),
                    body.lat() == null ? Optional.empty() : Optional.of(new AccessPoint.Location(body.lat(), body.lon())),
                    Optional.ofNullable(body.gateway()), Optional.ofNullable(body.mgmtIp()),
                    new AccessPoint.Hardware(Optional.ofNullable(body.model()), Optional.ofNullable(body.firmware()), installed));
            return controller.aps().register(ap, ConsoleRequest.actor(request));
        });
        controller.evaluator().inventoryChanged();
        return HttpResponse.created(Map.of("id", body.id(), "token", token));
    }

    private static LocalDate installDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadControllerRequest("installDate must be YYYY-MM-DD");
        }
    }

    @Post(uri = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    HttpResponse<?> importCsv(@Body String csv, HttpRequest<?> request) {
        ApCsvImport.Parsed parsed = BadControllerRequest.parsing(() -> ApCsvImport.parse(new StringReader(csv)));
        ApCsvImport.Outcome outcome = ApCsvImport.apply(controller.aps(), parsed, ConsoleRequest.actor(request));
        controller.evaluator().inventoryChanged();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("added", outcome.tokens().size());
        body.put("updated", outcome.updated());
        body.put("tokens", outcome.tokens());
        body.put("problems", outcome.problems().stream().map(ApCsvImport.Problem::toString).toList());
        return HttpResponse.ok(body);
    }

}
