package io.steppe.coverage.sample;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The contract's coverage sample CSV: header required, column order free, unknown columns ignored. */
final class ContractCsvFormat implements SampleFormat {

    private static final List<String> REQUIRED = List.of("timestamp", "lat", "lon", "mcc", "mnc", "rat");
    /** Epoch milliseconds from 1990 to 2100: a value outside is a unit mistake (seconds) or garbage. */
    private static final long MIN_MS = 631_152_000_000L;
    private static final long MAX_MS = 4_102_444_800_000L;
    /** Longer device ids are no id a phone app writes; such a row is kept as if it named no device. */
    private static final int MAX_DEVICE = 200;

    private final int timestamp;
    private final int lat;
    private final int lon;
    private final int mcc;
    private final int mnc;
    private final int rat;
    private final int rsrp;
    private final int rsrq;
    private final int sinr;
    private final int dl;
    private final int ul;
    private final int device;
    private final String trace;

    ContractCsvFormat(Map<String, Integer> columns, String trace) {
        for (String name : REQUIRED) {
            if (!columns.containsKey(name)) {
                throw new IllegalArgumentException("the header lacks the required column '" + name + "'");
            }
        }
        timestamp = columns.get("timestamp");
        lat = columns.get("lat");
        lon = columns.get("lon");
        mcc = columns.get("mcc");
        mnc = columns.get("mnc");
        rat = columns.get("rat");
        rsrp = columns.getOrDefault("rsrp", -1);
        rsrq = columns.getOrDefault("rsrq", -1);
        sinr = columns.getOrDefault("sinr", -1);
        dl = columns.getOrDefault("dl_mbps", -1);
        ul = columns.getOrDefault("ul_mbps", -1);
        device = columns.getOrDefault("device_id", -1);
        this.trace = trace;
    }

    @Override
    public String name() {
        return "steppe-csv";
    }

    @Override
    public RowOutcome read(String[] fields) {
        FieldReader f = new FieldReader(fields);
        try {
            long at = time(f.required(timestamp, "timestamp"));
            double latitude = f.requiredNumber(lat, "lat", -90, 90);
            double longitude = f.requiredNumber(lon, "lon", -180, 180);
            String operator;
            try {
                operator = OperatorCode.of(f.required(mcc, "mcc"), f.required(mnc, "mnc"));
            } catch (IllegalArgumentException e) {
                return new RowOutcome.Rejected(e.getMessage());
            }
            Rat r;
            try {
                r = Rat.parse(f.required(rat, "rat"));
            } catch (IllegalArgumentException e) {
                return new RowOutcome.Rejected(e.getMessage());
            }
            Integer signal = r.needsRsrp() ? (int) Math.round(f.requiredNumber(rsrp, "rsrp", -140, -44)) : null;
            Sample s = new Sample(at, latitude, longitude, operator, r, signal,
                    r.needsRsrp() ? f.optional(rsrq, "rsrq", -20, -3, 1) : null,
                    r.needsRsrp() ? f.optional(sinr, "sinr", -20, 40, 1) : null,
                    f.optional(dl, "dl_mbps", 0, 100_000, 1), f.optional(ul, "ul_mbps", 0, 100_000, 1),
                    deviceOf(f.optionalText(device, "device_id", MAX_DEVICE)));
            return new RowOutcome.Accepted(s, f.warnings());
        } catch (FieldReader.BadRow e) {
            return new RowOutcome.Rejected(e.getMessage());
        }
    }

    private String deviceOf(String id) {
        return id == null ? trace : id;
    }

    private static long time(String text) {
        long ms;
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                ms = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new FieldReader.BadRow("timestamp '" + text + "' is not epoch milliseconds");
            }
        } else {
            try {
                ms = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                throw new FieldReader.BadRow("timestamp '" + text + "' is neither ISO-8601 with an offset nor epoch milliseconds");
            }
        }
        if (ms < MIN_MS || ms > MAX_MS) {
            throw new FieldReader.BadRow("timestamp '" + text + "' is not between 1990 and 2100");
        }
        return ms;
    }
}
