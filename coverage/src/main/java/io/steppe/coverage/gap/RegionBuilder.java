package io.steppe.coverage.gap;

import com.uber.h3core.util.LatLng;
import io.steppe.coverage.aggregate.Severity;
import io.steppe.coverage.sample.H3Grid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Merges gap cells into regions: cells that share an edge (H3 ring-1 neighbours) belong to one region; its
 * outline is the JTS union of the cells' hexagons, on a 1e-9° grid so that shared edges dissolve exactly.
 * A region is {@code none} when most of its cells are, else {@code poor}; how sure it is, is {@link Confidence}.
 */
public final class RegionBuilder {

    private final H3Grid grid;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(1e9));

    public RegionBuilder(H3Grid grid) {
        this.grid = grid;
    }

    public List<Region> regions(Collection<GapCell> cells) {
        Map<Long, GapCell> byId = new HashMap<>();
        for (GapCell c : cells) {
            byId.put(c.h3(), c);
        }
        Map<Long, Boolean> seen = new HashMap<>();
        List<Region> regions = new ArrayList<>();
        for (GapCell start : cells) {
            if (seen.containsKey(start.h3())) {
                continue;
            }
            List<GapCell> component = new ArrayList<>();
            Deque<Long> todo = new ArrayDeque<>(List.of(start.h3()));
            seen.put(start.h3(), true);
            while (!todo.isEmpty()) {
                long id = todo.pop();
                component.add(byId.get(id));
                for (long n : grid.disk(id)) {
                    if (byId.containsKey(n) && seen.putIfAbsent(n, true) == null) {
                        todo.push(n);
                    }
                }
            }
            regions.add(region(component));
        }
        regions.sort((a, b) -> Double.compare(b.areaKm2(), a.areaKm2()));
        return regions;
    }

    private Region region(List<GapCell> cells) {
        cells.sort((a, b) -> Long.compare(a.h3(), b.h3()));
        List<Geometry> hexagons = new ArrayList<>(cells.size());
        double area = 0;
        long samples = 0;
        int observations = 0;
        int none = 0;
        int discoveries = 0;
        double q = 1;
        List<Short> medians = new ArrayList<>();
        for (GapCell c : cells) {
            hexagons.add(hexagon(c.h3()));
            area += grid.areaKm2(c.h3());
            samples += c.samples();
            observations += c.observations();
            none += c.severity() == Severity.NONE ? 1 : 0;
            discoveries += c.discovery() ? 1 : 0;
            q = Math.min(q, c.qValue());
            if (c.medianRsrp() != null) {
                medians.add(c.medianRsrp());
            }
        }
        medians.sort(null);
        Short median = medians.isEmpty() ? null : medians.get((medians.size() - 1) / 2);
        Geometry union = UnaryUnionOp.union(hexagons);
        return new Region(cells.stream().map(GapCell::h3).toList(), union, none * 2 > cells.size() ? Severity.NONE : Severity.POOR,
                Math.round(area * 1000) / 1000.0, samples, observations, median, Confidence.of(discoveries), q);
    }

    /** The hexagon of a cell as a JTS polygon (x = longitude). */
    public Polygon hexagon(long cell) {
        List<LatLng> boundary = grid.boundary(cell);
        Coordinate[] ring = new Coordinate[boundary.size() + 1];
        for (int i = 0; i < boundary.size(); i++) {
            ring[i] = new Coordinate(boundary.get(i).lng, boundary.get(i).lat);
            factory.getPrecisionModel().makePrecise(ring[i]);
        }
        ring[boundary.size()] = ring[0];
        return factory.createPolygon(ring);
    }
}
