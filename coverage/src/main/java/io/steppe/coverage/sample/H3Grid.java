package io.steppe.coverage.sample;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The H3 hexagon grid at the three resolutions Steppe uses: 7 overview, 8 decisions, 9 urban and scenic
 * detail. One instance per process (it loads the native library); thread-safe.
 */
public final class H3Grid {

    public static final int OVERVIEW = 7;
    public static final int DECISION = 8;
    public static final int DETAIL = 9;

    private final H3Core h3;

    private H3Grid(H3Core h3) {
        this.h3 = h3;
    }

    public static H3Grid load() {
        try {
            return new H3Grid(H3Core.newInstance());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the H3 native library", e);
        }
    }

    public long cell(double lat, double lon, int resolution) {
        return h3.latLngToCell(lat, lon, resolution);
    }

    public long parent(long cell, int resolution) {
        return h3.cellToParent(cell, resolution);
    }

    public List<Long> children(long cell, int resolution) {
        return h3.cellToChildren(cell, resolution);
    }

    /** The six neighbours and the cell itself. */
    public List<Long> disk(long cell) {
        return h3.gridDisk(cell, 1);
    }

    /** Every cell within {@code k} steps of {@code cell}, itself included. */
    public List<Long> disk(long cell, int k) {
        return h3.gridDisk(cell, k);
    }

    /** The outline, as {lat, lon} pairs, not closed. */
    public List<LatLng> boundary(long cell) {
        return h3.cellToBoundary(cell);
    }

    public LatLng centre(long cell) {
        return h3.cellToLatLng(cell);
    }

    public double areaKm2(long cell) {
        return h3.cellArea(cell, AreaUnit.km2);
    }
}
