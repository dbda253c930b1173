package io.steppe.coverage;

import io.steppe.coverage.importer.ImportResult;
import io.steppe.coverage.importer.SampleImporter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/** Hand-built samples in the contract's CSV, imported through the real importer. */
public final class SampleRows {

    private final StringBuilder csv = new StringBuilder("timestamp,lat,lon,mcc,mnc,rat,rsrp,device_id\n");

    public SampleRows add(Instant at, double lat, double lon, String mnc, Integer rsrp, String device) {
        csv.append(at).append(',').append(String.format(Locale.ROOT, "%.7f,%.7f", lat, lon)).append(",460,").append(mnc)
                .append(',').append(rsrp == null ? "NONE" : "LTE").append(',').append(rsrp == null ? "" : rsrp)
                .append(',').append(device).append('\n');
        return this;
    }

    public ImportResult importWith(SampleImporter importer, String source) {
        return importer.importStream(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), source,
                source, "test");
    }
}
