package io.steppe.coverage.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    private static final String HEADER = "timestamp,lat,lon,mcc,mnc,rat,rsrp,rsrq,sinr,dl_mbps,ul_mbps,device_id";

    @Test
    void eachJsonLineIsOneCsvLineAndABadLineAnEmptyRow() throws IOException {
        String lines = "{\"timestamp\":1763604000000,\"lat\":41.2,\"lon\":113.0,\"mcc\":460,\"mnc\":\"01\",\"rat\":\"LTE\",\"rsrp\":-99}\n"
                + "not json\n{\"device_id\":\"say \\\"hi\\\"\"}\n";
        BufferedReader csv = reader(JsonLines.asCsv(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8))));
        assertEquals(HEADER, csv.readLine());
        assertEquals("\"1763604000000\",\"41.2\",\"113\",\"460\",\"01\",\"LTE\",\"-99\",\"\",\"\",\"\",\"\",\"\"", csv.readLine());
        assertEquals("\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"", csv.readLine());
        assertEquals("\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"say \"\"hi\"\"\"", csv.readLine());
        assertNull(csv.readLine());
    }

    @Test
    void rowsComeOutWhileTheUploadIsStillArriving() throws IOException {
        // an upload that never ends: converting it whole first would never return
        InputStream endless = new InputStream() {
            private final byte[] line = "{\"rsrp\":-90}\n".getBytes(StandardCharsets.UTF_8);
            private long pos;

            @Override
            public int read() {
                return line[(int) (pos++ % line.length)];
            }
        };
        BufferedReader csv = reader(JsonLines.asCsv(endless));
        assertEquals(HEADER, csv.readLine());
        for (int i = 0; i < 3; i++) {
            assertEquals("\"\",\"\",\"\",\"\",\"\",\"\",\"-90\",\"\",\"\",\"\",\"\",\"\"", csv.readLine());
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
