package io.steppe.coverage.importer;

import io.steppe.coverage.map.GeoJson;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Samples as JSON lines ({@code {"timestamp":…,"lat":…}} per line) turned into the contract CSV, so that one
 * importer checks both. The conversion is lazy, a line at a time as the importer reads, so an upload never sits in
 * memory. Each JSON line becomes one CSV line (JSON line n is CSV line n + 1, after the header; the importer numbers
 * them as the JSON lines); a blank line stays blank, and a line that is not a JSON object becomes an empty row,
 * rejected with its line number.
 */
final class JsonLines {

    private static final List<String> COLUMNS = List.of("timestamp", "lat", "lon", "mcc", "mnc", "rat", "rsrp", "rsrq", "sinr",
            "dl_mbps", "ul_mbps", "device_id");

    private JsonLines() {
    }

    /** The CSV of {@code body}'s JSON lines, header first; reading it reads {@code body}. */
    static InputStream asCsv(InputStream body) {
        BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
        return new SequenceInputStream(new Enumeration<>() {
            private boolean headerSent;
            private String next;

            @Override
            public boolean hasMoreElements() {
                if (!headerSent || next != null) {
                    return true;
                }
                try {
                    next = in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the upload: " + e.getMessage(), e);
                }
                return next != null;
            }

            @Override
            public InputStream nextElement() {
                if (!hasMoreElements()) {
                    throw new NoSuchElementException();
                }
                String csv;
                if (!headerSent) {
                    headerSent = true;
                    csv = String.join(",", COLUMNS);
                } else {
                    csv = row(next);
                    next = null;
                }
                return new ByteArrayInputStream((csv + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** One JSON line as one CSV row, every field quoted. */
    private static String row(String sent) {
        // a file saved by a Windows editor begins with a byte-order mark
        String line = sent.startsWith("\uFEFF") ? sent.substring(1) : sent;
        if (line.isBlank()) {
            return "";
        }
        Object value;
        try {
            value = GeoJson.parse(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            value = null;
        }
        Map<?, ?> row = value instanceof Map<?, ?> m ? m : Map.of();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < COLUMNS.size(); i++) {
            Object v = row.get(COLUMNS.get(i));
            String text = v == null ? "" : v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue()) : v.toString();
            csv.append(i == 0 ? "" : ",").append('"').append(text.replace("\"", "\"\"")).append('"');
        }
        return csv.toString();
    }
}
