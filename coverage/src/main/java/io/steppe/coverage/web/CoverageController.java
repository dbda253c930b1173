package io.steppe.coverage.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.coverage.Coverage;
import io.steppe.coverage.aggregate.Periods;
import io.steppe.coverage.gap.GapStatus;
import io.steppe.coverage.gap.NoSuchGapException;
import io.steppe.coverage.importer.ImportResult;
import io.steppe.coverage.sample.OperatorCode;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.account.Role;
import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.map.GapCsv;
import io.steppe.coverage.map.MapCell;
import io.steppe.web.ConsoleSettings;
import io.steppe.web.Export;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/coverage/samples} (the contract CSV, a G-NetTrack Pro log, or JSON lines),
 * {@code GET /api/coverage/cells} and {@code /gaps} as GeoJSON or CSV downloads, one gap, and planners' status changes.
 */
@Allowed({Role.PLANNER, Role.ADMIN})
@Controller("/api/coverage")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CoverageController {

    static final String GEOJSON = "application/geo+json";
    /** GeoJSON, the contract's, unless CSV is asked for. */
    private static final List<Export> EXPORTS = List.of(Export.GEOJSON, Export.CSV);
    private static final int PROBLEMS_SHOWN = 20;

    private final Coverage coverage;
    private final Clock clock;
    private final ZoneId zone;

    /** Without settings (a module test's server) downloads are named in Ulanqab's time on the system clock. */
    CoverageController(Coverage coverage, @Nullable ConsoleSettings settings) {
        this.coverage = coverage;
        this.clock = settings == null ? Clock.systemUTC() : settings.clock();
        this.zone = settings == null ? ConsoleSettings.CITY_ZONE : settings.zone();
    }

    /**
     * The upload is read as a stream on a blocking thread while it arrives, never buffered whole: a drive-test log
     * of millions of rows goes through the same importer as {@code steppe coverage import}, batch by batch.
     */
    @Post(uri = "/samples", consumes = {"text/csv", MediaType.TEXT_PLAIN, "application/x-ndjson", "application/jsonl"})
    HttpResponse<?> samples(HttpRequest<?> request, @Body InputStream body, @Nullable @QueryValue String source) throws IOException {
        boolean jsonLines = request.getContentType().map(t -> t.getSubtype().contains("json")).orElse(false);
        String name = source == null || source.isBlank() ? "upload-" + ConsoleRequest.actor(request) : source;
        ImportResult r;
        try (InputStream upload = body) {
            r = BadUpload.importing(() -> jsonLines ? coverage.importJsonLines(upload, name, ConsoleRequest.actor(request))
                    : coverage.importStream(upload, name, ConsoleRequest.actor(request)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("import_id", r.importId());
        out.put("source", r.source());
        out.put("format", r.format());
        out.put("accepted", r.accepted());
        out.put("added", r.added());
        out.put("duplicates", r.duplicates());
        out.put("rejected", r.rejected());
        out.put("warned", r.warned());
        out.put("report", r.report().toString());
        try (var lines = Files.lines(r.report())) {
            out.put("problems", lines.skip(1).limit(PROBLEMS_SHOWN).toList());
        }
        return HttpResponse.ok(out);
    }

    /** The cells as GeoJSON, or as CSV for {@code ?format=csv} or {@code Accept: text/csv}, a download either way. */
    @Get(uri = "/cells", produces = {GEOJSON, "text/csv"})
    HttpResponse<?> cells(@Nullable @QueryValue String operator, @Nullable @QueryValue Integer resolution,
                          @Nullable @QueryValue String format, HttpRequest<?> request) throws IOException {
        Export export = Export.choose(format, request, EXPORTS);
        int res = resolution == null ? 8 : resolution;
        if (res < 7 || res > 9) {
            throw BadCoverageRequest.worded("coverage.api.resolution", Integer.toString(res));
        }
        Optional<String> op = operator(operator);
        List<MapCell> cells = coverage.layers().cells(op, res);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (export == Export.CSV) {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                coverage.cellCsv().write(cells, w);
            }
        } else {
            coverage.geoJson().cells(cells, out);
        }
        return export.download(out.toByteArray(), "cells-" + op.orElse("every"), clock.instant(), zone);
    }

    /** The gap regions, most urgent first, as the contract's GeoJSON or as CSV, a download either way. */
    @Get(uri = "/gaps", produces = {GEOJSON, "text/csv"})
    HttpResponse<?> gaps(@Nullable @QueryValue String operator, @Nullable @QueryValue String wifi, @Nullable @QueryValue String format,
                         HttpRequest<?> request) throws IOException {
        Export export = Export.choose(format, request, EXPORTS);
        Optional<String> op;
        try {
            op = operator(operator, true);
        } catch (IllegalArgumentException e) {
            throw BadCoverageRequest.worded("coverage.refused.operator", operator);
        }
        List<Gap> gaps = coverage.layers().gaps(op, "exclude".equals(wifi));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (export == Export.CSV) {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                GapCsv.write(gaps, w);
            }
        } else {
            coverage.geoJson().gaps(gaps, out);
        }
        return export.download(out.toByteArray(), "gaps-" + op.orElse("every"), clock.instant(), zone);
    }

    /**
     * Res-8 cells of one operator judged on two periods, before and from {@code at} (ISO-8601 with offset; each
     * period bounded by {@code since} and {@code until} when given), or on the samples of two import sources
     * ({@code before_source}, {@code after_source}): what improved or worsened.
     */
    @Get(uri = "/changes", produces = GEOJSON)
    HttpResponse<?> changes(@Nullable @QueryValue String operator, @Nullable @QueryValue String at,
                            @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                            @Nullable @QueryValue("before_source") String beforeSource,
                            @Nullable @QueryValue("after_source") String afterSource) throws IOException {
        String op = operator(operator)
                .orElseThrow(() -> new BadCoverageRequest("operator (MCC-MNC) is required"));
        List<io.steppe.coverage.aggregate.CellChange> found;
        if (beforeSource != null || afterSource != null) {
            if (beforeSource == null || afterSource == null || at != null || since != null || until != null) {
                throw new BadCoverageRequest("compare either two sources (before_source and after_source) or two periods (at, since, until)");
            }
            found = BadCoverageRequest.parsing(() -> coverage.aggregator().changes(op, beforeSource, afterSource));
        } else {
            found = BadCoverageRequest.parsing(() -> coverage.aggregator().changes(op, Periods.parse("", at, since, until)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        coverage.geoJson().changes(found, out);
        return HttpResponse.ok(out.toByteArray()).contentType(GEOJSON);
    }

    @Get(uri = "/gaps/{id}", produces = GEOJSON)
    HttpResponse<?> gap(long id) throws IOException {
        var gap = coverage.gaps().find(id).orElseThrow(() -> new NoSuchGapException(id));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        coverage.geoJson().gap(gap, out);
        return HttpResponse.ok(out.toByteArray()).contentType(GEOJSON);
    }

    /** JSON {@code {"status": "confirmed", "note": "…"}}. */
    @Post(uri = "/gaps/{id}/status", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> mark(long id, @Body Map<String, Object> body, HttpRequest<?> request) {
        Object note = body.get("note");
        // an unknown id is NoSuchGapException, answered 404 by its own handler
        var gap = BadCoverageRequest.parsing(() -> coverage.gaps().mark(id, GapStatus.parse(String.valueOf(body.get("status"))),
                note == null ? null : note.toString(), ConsoleRequest.actor(request)));
        return HttpResponse.ok(Map.of("id", gap.id(), "status", gap.status()));
    }

    /** One operator's MCC-MNC, or every operator when none is given; refused in the caller's language. */
    private static Optional<String> operator(@Nullable String operator) {
        try {
            return operator(operator, false);
        } catch (IllegalArgumentException e) {
            throw BadCoverageRequest.worded("coverage.refused.operator", operator);
        }
    }

    static Optional<String> operator(String operator, boolean allowAll) {
        if (operator == null || operator.isBlank()) {
            return Optional.empty();
        }
        if (allowAll && operator.equals("all")) {
            return Optional.of("all");
        }
        return Optional.of(OperatorCode.parse(operator));
    }

}
