package io.steppe.coverage.map;

import io.steppe.coverage.gap.RegionBuilder;
import io.steppe.web.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Point;

/**
 * The aggregated cells as CSV, one cell a line with the same fields as the cells' GeoJSON and the hexagon's centre
 * instead of its outline, for a spreadsheet or a GIS that joins on the H3 index.
 */
public final class CellCsv {

    static final String HEADER = "h3,operator,resolution,status,severity,observations,bad,devices,samples,first_seen,last_seen,"
            + "median_rsrp,p10_rsrp,good_share,fair_share,poor_share,none_share,centre_lat,centre_lon\n";

    private final RegionBuilder hexagons;

    public CellCsv(RegionBuilder hexagons) {
        this.hexagons = hexagons;
    }

    public void write(List<MapCell> cells, Writer out) throws IOException {
        out.write(HEADER);
        for (MapCell c : cells) {
            Point centre = hexagons.hexagon(c.h3()).getCentroid();
            int n = Math.max(1, c.observations());
            out.write(Csv.row(Long.toHexString(c.h3()), c.operator(), Integer.toString(c.resolution()), c.status(),
                    c.severity() == null ? "" : c.severity(), Integer.toString(c.observations()), Integer.toString(c.bad()),
                    Integer.toString(c.devices()), Long.toString(c.samples()), c.firstSeen().toInstant().toString(),
                    c.lastSeen().toInstant().toString(), number(c.medianRsrp()), number(c.p10Rsrp()), share(c.good(), n),
                    share(c.fair(), n), share(c.poor(), n), share(c.none(), n), degrees(centre.getY()), degrees(centre.getX())));
        }
    }

    private static String number(Short v) {
        return v == null ? "" : v.toString();
    }

    private static String share(int part, int of) {
        return String.format(Locale.ROOT, "%.3f", (double) part / of);
    }

    private static String degrees(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
