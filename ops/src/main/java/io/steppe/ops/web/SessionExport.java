package io.steppe.ops.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.steppe.web.ConsoleSettings;
import io.steppe.web.Csv;
import io.steppe.web.Export;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open sessions as files to download: CSV with times in the city's zone and their offset (what a spreadsheet
 * and a police request read), and GeoJSON with each session at its AP's place (what a GIS reads; a session on an AP
 * without a place has no geometry).
 */
@Singleton
final class SessionExport {

    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ConsoleSettings settings;
    private final JsonMapper json;

    SessionExport(ConsoleSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    HttpResponse<String> download(List<OpenSessions.Session> sessions, Export as) {
        String body = as == Export.CSV ? csv(sessions) : geoJson(sessions);
        return as.download(body, "sessions", settings.clock().instant(), settings.zone());
    }

    String csv(List<OpenSessions.Session> sessions) {
        StringBuilder out = new StringBuilder(Csv.row("session", "user", "gateway", "ap", "ap_name", "ap_mac", "ssid", "client_mac", "ip",
                "started", "last_update", "session_seconds", "bytes_in", "bytes_out"));
        for (OpenSessions.Session s : sessions) {
            out.append(Csv.row(s.id(), s.username(), text(s.gateway()), text(s.apId()), text(s.apName()), text(s.apMac()), text(s.ssid()),
                    text(s.clientMac()), text(s.framedIp()), time(s.startedAt()), time(s.updatedAt()), Long.toString(s.sessionTime()),
                    Long.toString(s.inputOctets()), Long.toString(s.outputOctets())));
        }
        return out.toString();
    }

    private String geoJson(List<OpenSessions.Session> sessions) {
        List<Map<String, Object>> features = new ArrayList<>(sessions.size());
        for (OpenSessions.Session s : sessions) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("session", s.id());
            properties.put("user", s.username());
            properties.put("gateway", s.gateway());
            properties.put("ap", s.apId());
            properties.put("ap_name", s.apName());
            properties.put("ssid", s.ssid());
            properties.put("client_mac", s.clientMac());
            properties.put("ip", s.framedIp());
            properties.put("started", time(s.startedAt()));
            properties.put("session_seconds", s.sessionTime());
            properties.put("bytes_in", s.inputOctets());
            properties.put("bytes_out", s.outputOctets());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", s.latitude() == null ? null : Map.of("type", "Point", "coordinates", List.of(s.longitude(), s.latitude())));
            feature.put("properties", properties);
            features.add(feature);
        }
        try {
            return json.writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String time(Instant at) {
        return OFFSET_TIME.format(at.atZone(settings.zone()).toOffsetDateTime().withNano(0));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
