package io.steppe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CitySpreadTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void theSameSeedWritesTheSameRowsAndAnotherSeedOthers() throws IOException {
        assertEquals(rows(7, 2_000), rows(7, 2_000));
        assertNotEquals(rows(7, 2_000), rows(8, 2_000));
    }

    @Test
    void rowsCoverTheCityFromManyPhonesHalfOfThemNearTowns() throws IOException {
        List<String> lines = rows(1, 20_000).lines().toList();
        assertEquals("timestamp,lat,lon,mcc,mnc,rat,rsrp,device_id", lines.get(0));
        assertEquals(20_001, lines.size());
        Set<String> phones = new HashSet<>();
        int nearJining = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            double lat = Double.parseDouble(f[1]);
            double lon = Double.parseDouble(f[2]);
            assertTrue(lat >= CitySpread.SOUTH - 0.3 && lat <= CitySpread.NORTH + 0.3 && lon >= CitySpread.WEST - 0.3
                    && lon <= CitySpread.EAST + 0.3, line);
            assertTrue(f[5].equals("NONE") ? f[6].isEmpty() : Integer.parseInt(f[6]) >= -140 && Integer.parseInt(f[6]) <= -44, line);
            phones.add(f[7]);
            nearJining += Math.abs(lat - 41.03) < 0.1 && Math.abs(lon - 113.13) < 0.13 ? 1 : 0;
        }
        assertTrue(phones.size() > 12_000, phones.size() + " phones");
        // one town in eleven gets 1/22 of the rows within ~10 km; the open steppe around it adds almost nothing
        assertTrue(nearJining > 20_000 / 22 * 0.8 && nearJining < 20_000 / 22 * 1.3, nearJining + " rows near Jining");
    }

    private static String rows(long seed, long count) throws IOException {
        StringWriter out = new StringWriter();
        new CitySpread(seed, CoverageBench.PHONES).write(out, START, 30, count);
        return out.toString();
    }
}
