package io.steppe.controller.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.steppe.web.Csv;
import io.steppe.web.Export;
import io.steppe.web.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AP list as a download, for a spreadsheet ({@code text/csv}) or a GIS ({@code application/geo+json}): each AP's
 * state with its reasons in the reader's words, site, gateway, location and last heartbeat in the city's time. The
 * file is named for the city's time it was made: {@code steppe-aps-20261206-1030.csv}.
 */
final class ApExport {

    private static final List<String> COLUMNS = List.of("id", "name", "state", "state_text", "reason_codes", "reasons", "site",
            "gateway", "lat", "lon", "last_heartbeat");

    private ApExport() {
    }

    static HttpResponse<String> csv(List<ApView> aps, Texts t, Instant now) {
        StringBuilder out = new StringBuilder(Csv.row(COLUMNS));
        for (ApView a : aps) {
            out.append(Csv.row(a.id(), a.name(), a.state(), a.stateText(), String.join(";", a.reasonCodes()), String.join("; ", a.reasons()),
                    text(a.site()), text(a.gateway()), number(a.latitude()), number(a.longitude()),
                    a.lastHeartbeat() == null ? "" : t.time(Instant.parse(a.lastHeartbeat()))));
        }
        return Export.CSV.download(out.toString(), "aps", now, t.zone());
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
            return Export.GEOJSON.download(json.writeValueAsString(Map.of("type", "FeatureCollection", "features", features)), "aps", now, t.zone());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }
}
