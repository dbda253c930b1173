package io.steppe.coverage.map;

import io.steppe.coverage.gap.Gap;
import io.steppe.web.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Point;

/** The ranked gap list as CSV, one region a line, with its centroid for spreadsheets and GIS. */
public final class GapCsv {

    private GapCsv() {
    }

    public static void write(List<Gap> gaps, Writer out) throws IOException {
        out.write("rank,id,operator,severity,status,priority,cells,area_km2,samples,observations,median_rsrp,villages,people,"
                + "scenic_spots,road_km,access_points,centroid_lat,centroid_lon,confidence,q_value\n");
        int rank = 0;
        for (Gap g : gaps) {
            Point c = g.geometry().getCentroid();
            // place names come from imported files: every text cell goes through Csv, which defuses formulas
            out.write(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%.2f,%d,%.3f,%d,%d,%s,%s,%d,%s,%.1f,%d,%.6f,%.6f,%s,%.3g%n",
                    ++rank, g.id(), Csv.cell(g.operator()), Csv.cell(g.severity().toString()), Csv.cell(g.status().toString()), g.priority(),
                    g.cells(), g.areaKm2(), g.samples(), g.observations(), g.medianRsrp() == null ? "" : g.medianRsrp().toString(),
                    Csv.cell(String.join("; ", g.villages())), g.people(), Csv.cell(String.join("; ", g.scenicSpots())), g.roadKm(),
                    g.accessPoints(), c.getY(), c.getX(), g.confidence(), g.qValue()));
        }
    }
}
