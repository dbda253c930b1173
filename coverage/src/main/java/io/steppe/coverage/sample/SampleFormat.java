package io.steppe.coverage.sample;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A log format: turns the fields of one data row into a {@link RowOutcome}. */
public interface SampleFormat {

    /** Short name recorded with the import, e.g. {@code steppe-csv}. */
    String name();

    RowOutcome read(String[] fields);

    /**
     * The format of a file with this header: the contract's CSV when it has {@code timestamp}, {@code lat},
     * {@code lon}, else G-NetTrack Pro when it has {@code Timestamp}, {@code Latitude}, {@code NetworkMode}.
     *
     * @param trace  the device to record for rows that name none (the log's file name: one trace)
     * @param zone   the local time of G-NetTrack Pro timestamps, which carry no offset
     */
    static SampleFormat detect(String[] header, String trace, ZoneId zone) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(header[i].trim().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
        }
        if (columns.containsKey("timestamp") && columns.containsKey("lat") && columns.containsKey("lon")) {
            return new ContractCsvFormat(columns, trace);
        }
        if (columns.containsKey("timestamp") && columns.containsKey("latitude") && columns.containsKey("networkmode")) {
            return new GNetTrackFormat(columns, trace, zone);
        }
        throw new IllegalArgumentException("the header is neither Steppe's coverage CSV (timestamp, lat, lon, mcc, mnc, rat, rsrp, …)"
                + " nor a G-NetTrack Pro log (Timestamp, Longitude, Latitude, NetworkMode, RSRP, …)");
    }
}
