package io.steppe.coverage.web;

import io.steppe.coverage.map.GeoJson;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Samples as JSON lines ({@code {"timestamp":…,"lat":…}} per line) turned into the contract CSV, so that one
 * importer checks both. A line that is not a JSON object becomes an empty row, rejected with its line number.
 */
final class JsonLines {

    private static final List<String> COLUMNS = List.of("timestamp", "lat", "lon", "mcc", "mnc", "rat", "rsrp", "rsrq", "sinr",
            "dl_mbps", "ul_mbps", "device_id");

    private JsonLines() {
    }

    static byte[] toCsv(byte[] body) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Object value;
                try {
                    value = line.isBlank() ? null : GeoJson.parse(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException e) {
                    value = null;
                }
                Map<?, ?> row = value instanceof Map<?, ?> m ? m : Map.of();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Object v = row.get(COLUMNS.get(i));
                    String text = v == null ? "" : v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                            ? Long.toString(d.longValue()) : v.toString();
                    csv.append(i == 0 ? "" : ",").append('"').append(text.replace("\"", "\"\"")).append('"');
                }
                csv.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
