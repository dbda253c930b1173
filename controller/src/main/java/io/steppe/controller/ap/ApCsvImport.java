package io.steppe.controller.ap;

import io.steppe.db.net.MacAddress;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an AP inventory CSV: a header row with the same columns as {@code steppe ap add}'s options
 * ({@code id, mac, name, site, lat, lon, gateway, mgmt_ip}) plus {@code model, firmware, install_date}, in any
 * order. Each bad row is reported with its line number and reason; the good rows are kept.
 */
public final class ApCsvImport {

    /** A row that could not be taken. */
    public record Problem(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** A row that was read. */
    public record Row(long line, AccessPoint ap) {
    }

    /** What a file held. */
    public record Parsed(List<Row> rows, List<Problem> problems) {
    }

    /** What applying a file did: tokens of the APs added (shown once), how many were updated, and every bad row. */
    public record Outcome(Map<String, String> tokens, int updated, List<Problem> problems) {
    }

    private static final Set<String> REQUIRED = Set.of("id", "mac", "name");
    private static final Set<String> KNOWN = Set.of("id", "mac", "name", "site", "lat", "lon", "gateway", "mgmt_ip", "model",
            "firmware", "install_date");

    private ApCsvImport() {
    }

    /** @throws IllegalArgumentException when the header lacks a required column or names an unknown one */
    public static Parsed parse(Reader csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            Map<String, String> columns = new TreeMap<>();
            for (String header : parser.getHeaderNames()) {
                String key = header.trim().toLowerCase(Locale.ROOT).replace('-', '_');
                if (!KNOWN.contains(key)) {
                    throw new IllegalArgumentException("unknown column '" + header + "' in the header (known: "
                            + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ")");
                }
                columns.put(key, header);
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    throw new IllegalArgumentException("the header has no '" + required + "' column");
                }
            }
            List<Row> rows = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    rows.add(new Row(line, accessPoint(record, columns)));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(line, e.getMessage()));
                }
            }
            return new Parsed(rows, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("the file is not valid CSV: " + e.getCause().getMessage(), e);
        }
    }

    /** Adds or updates each good row; a row the database refuses (unknown gateway, MAC taken) is reported too. */
    public static Outcome apply(ApRepository aps, Parsed parsed, String actor) {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>(parsed.problems());
        int updated = 0;
        for (Row row : parsed.rows()) {
            try {
                Optional<String> token = aps.upsert(row.ap(), actor);
                if (token.isPresent()) {
                    tokens.put(row.ap().id(), token.get());
                } else {
                    updated++;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(row.line(), e.getMessage()));
            }
        }
        problems.sort(java.util.Comparator.comparingLong(Problem::line));
        return new Outcome(tokens, updated, problems);
    }

    private static AccessPoint accessPoint(CSVRecord record, Map<String, String> columns) {
        if (!record.isConsistent()) {
            throw new IllegalArgumentException("has " + record.size() + " fields, the header " + columns.size());
        }
        Optional<String> lat = field(record, columns, "lat");
        Optional<String> lon = field(record, columns, "lon");
        if (lat.isPresent() != lon.isPresent()) {
            throw new IllegalArgumentException("lat and lon go together");
        }
        Optional<AccessPoint.Location> location = lat.map(la -> new AccessPoint.Location(number("lat", la), number("lon", lon.get())));
        String mac = field(record, columns, "mac").orElseThrow(() -> new IllegalArgumentException("mac is empty"));
        return new AccessPoint(field(record, columns, "id").orElse(""), MacAddress.parse(mac),
                field(record, columns, "name").orElse(""), field(record, columns, "site"), location,
                field(record, columns, "gateway"), field(record, columns, "mgmt_ip"),
                new AccessPoint.Hardware(field(record, columns, "model"), field(record, columns, "firmware"),
                        field(record, columns, "install_date").map(ApCsvImport::date)));
    }

    private static Optional<String> field(CSVRecord record, Map<String, String> columns, String key) {
        String header = columns.get(key);
        return header == null ? Optional.empty() : Optional.ofNullable(record.get(header)).filter(v -> !v.isEmpty());
    }

    private static double number(String column, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a number");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("install_date '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
