package io.steppe.coverage.sample;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * G-NetTrack Pro logs: {@code Timestamp} as phone local time {@code 2019.11.25_15.34.34}, {@code Operatorname}
 * (a name, or the MCC-MNC as digits), {@code NetworkMode} (5G NSA rows carry the LTE anchor's RSRP, so they count
 * as LTE), RSRP/RSRQ/SNR. One file is one trace: its name stands in for the device. {@code DL_bitrate} and
 * {@code UL_bitrate} are left out: they are whatever traffic the phone had (video, idle), not a speed test, and a
 * 3 Mbps video stream would otherwise read as a failed 5 Mbps test.
 */
final class GNetTrackFormat implements SampleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd_HH.mm.ss", Locale.ROOT);
    /**
     * Operator names G-NetTrack Pro shows, to MCC-MNC. {@code B} is the anonymised operator of the public Cork
     * dataset (uccmisl/5Gdataset), whose own rows name it 27203 where the name is missing.
     */
    private static final Map<String, String> NAMES = Map.of(
            "CHINA MOBILE", "46000", "CMCC", "46000", "中国移动", "46000",
            "CHINA UNICOM", "46001", "中国联通", "46001",
            "CHINA TELECOM", "46011", "中国电信", "46011",
            "B", "27203");

    private final int timestamp;
    private final int lat;
    private final int lon;
    private final int operator;
    private final int mode;
    private final int rsrp;
    private final int rsrq;
    private final int snr;
    private final String trace;
    private final ZoneId zone;

    GNetTrackFormat(Map<String, Integer> columns, String trace, ZoneId zone) {
        for (String name : new String[] {"longitude", "operatorname", "rsrp"}) {
            if (!columns.containsKey(name)) {
                throw new IllegalArgumentException("this G-NetTrack Pro log lacks the column '" + name + "'");
            }
        }
        timestamp = columns.get("timestamp");
        lat = columns.get("latitude");
        lon = columns.get("longitude");
        operator = columns.get("operatorname");
        mode = columns.get("networkmode");
        rsrp = columns.get("rsrp");
        rsrq = columns.getOrDefault("rsrq", -1);
        snr = columns.getOrDefault("snr", -1);
        this.trace = trace;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "g-nettrack-pro";
    }

    @Override
    public RowOutcome read(String[] fields) {
        FieldReader f = new FieldReader(fields);
        try {
            String t = f.required(timestamp, "Timestamp");
            long at;
            try {
                at = LocalDateTime.parse(t, TIME).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                return new RowOutcome.Rejected("Timestamp '" + t + "' is not yyyy.MM.dd_HH.mm.ss");
            }
            double latitude = f.requiredNumber(lat, "Latitude", -90, 90);
            double longitude = f.requiredNumber(lon, "Longitude", -180, 180);
            String name = f.required(operator, "Operatorname");
            String code = NAMES.get(name.toUpperCase(Locale.ROOT));
            try {
                code = code != null ? code : OperatorCode.parse(name);
            } catch (IllegalArgumentException e) {
                return new RowOutcome.Rejected("unknown operator code: Operatorname '" + name + "'");
            }
            Rat r = rat(f.required(mode, "NetworkMode"));
            if (r == null) {
                return new RowOutcome.Rejected("NetworkMode '" + f.text(mode) + "' is not a known technology");
            }
            Integer signal = r.needsRsrp() ? (int) Math.round(f.requiredNumber(rsrp, "RSRP", -140, -44)) : null;
            Sample s = new Sample(at, latitude, longitude, code, r, signal,
                    r.needsRsrp() ? f.optional(rsrq, "RSRQ", -20, -3, 1) : null,
                    r.needsRsrp() ? f.optional(snr, "SNR", -20, 40, 1) : null,
                    null, null, trace);
            return new RowOutcome.Accepted(s, f.warnings());
        } catch (FieldReader.BadRow e) {
            return new RowOutcome.Rejected(e.getMessage());
        }
    }

    private static Rat rat(String mode) {
        return switch (mode.toUpperCase(Locale.ROOT)) {
            case "LTE", "LTE+", "5G", "NR_NSA" -> Rat.LTE;
            case "NR", "NR_SA", "5G_SA" -> Rat.NR;
            case "UMTS", "HSPA", "HSPA+", "HSDPA", "HSUPA", "WCDMA", "TD-SCDMA" -> Rat.UMTS;
            case "GSM", "GPRS", "EDGE" -> Rat.GSM;
            case "NO SERVICE", "NONE" -> Rat.NONE;
            default -> null;
        };
    }
}
