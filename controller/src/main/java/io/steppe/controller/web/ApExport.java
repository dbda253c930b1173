package io.steppe.controller.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.steppe.web.Csv;
import io.steppe.web.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AP list as a download, for a spreadsheet ({@code text/csv}) or a GIS ({@code application/geo+json}): each AP's
 * state with its reasons in the reader's words, site, gateway, location and last heartbeat in the city's time. The
 * file is named for the city's time it was made: {@code steppe-aps-20261206-1030.csv}.
 */
final class ApExport {

    static final String CSV = "text/csv";
    static final String GEOJSON = "application/geo+json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);
    private static final List<String> COLUMNS = List.of("id", "name", "state", "state_text", "reason_codes", "reasons", "site",
            "gateway", "lat", "lon", "last_heartbeat");

    private ApExport() {
    }

    /** {@code csv} or {@code geojson} as the format asked for, else what the Accept header prefers, else none (JSON). */
    static String format(String asked, String accept) {
        if (asked != null && !asked.isBlank()) {
            String f = asked.trim().toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("geojson") && !f.equals("json")) {
                throw new BadControllerRequest("format must be json, csv or geojson");
            }
            return f;
        }
        if (accept != null && accept.contains(CSV)) {
            return "csv";
        }
        return accept != null && accept.contains(GEOJSON) ? "geojson" : "json";
    }

    static HttpResponse<String> csv(List<ApView> aps, Texts t, Instant now) {
        StringBuilder out = new StringBuilder(Csv.row(COLUMNS));
        for (ApView a : aps) {
            out.append(Csv.row(a.id(), a.name(), a.state(), a.stateText(), String.join(";", a.reasonCodes()), String.join("; ", a.reasons()),
                    text(a.site()), text(a.gateway()), number(a.latitude()), number(a.longitude()),
                    a.lastHeartbeat() == null ? "" : t.time(Instant.parse(a.lastHeartbeat()))));
        }
        return download(out.toString(), CSV + ";charset=utf-8", "csv", t, now);
    }

    static HttpResponse<String> geojson(List<ApView> aps, Texts t, Instant now, JsonMapper json) {
        List<Object> features = new ArrayList<>();
        for (ApView a : aps) {
            if (a.latitude() == null) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", a.id());
            properties.put("name", a.name());
            properties.put("state", a.state());
            properties.put("state_text", a.stateText());
            properties.put("reason_codes", a.reasonCodes());
            properties.put("reasons", a.reasons());
            properties.put("site", text(a.site()));
            properties.put("gateway", text(a.gateway()));
            properties.put("last_heartbeat", a.lastHeartbeat() == null ? "" : t.time(Instant.parse(a.lastHeartbeat())));
            features.add(Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates", List.of(a.longitude(), a.latitude())),
                    "properties", properties));
        }
        try {
            return download(json.writeValueAsString(Map.of("type", "FeatureCollection", "features", features)), GEOJSON, "geojson", t, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> download(String body, String type, String extension, Texts t, Instant now) {
        String name = "steppe-aps-" + STAMP.format(now.atZone(t.zone())) + "." + extension;
        return HttpResponse.ok(body).contentType(MediaType.of(type)).header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }
}
