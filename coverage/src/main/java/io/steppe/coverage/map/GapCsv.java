package io.steppe.coverage.map;

import io.steppe.coverage.gap.Gap;
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
                + "scenic_spots,road_km,access_points,centroid_lat,centroid_lon\n");
        int rank = 0;
        for (Gap g : gaps) {
            Point c = g.geometry().getCentroid();
            out.write(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%.2f,%d,%.3f,%d,%d,%s,%s,%d,%s,%.1f,%d,%.6f,%.6f%n",
                    ++rank, g.id(), g.operator(), g.severity(), g.status(), g.priority(), g.cells(), g.areaKm2(), g.samples(),
                    g.observations(), g.medianRsrp() == null ? "" : g.medianRsrp().toString(), quote(String.join("; ", g.villages())),
                    g.people(), quote(String.join("; ", g.scenicSpots())), g.roadKm(), g.accessPoints(), c.getY(), c.getX()));
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
