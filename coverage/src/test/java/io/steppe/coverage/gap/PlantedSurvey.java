package io.steppe.coverage.gap;

import io.steppe.coverage.sample.H3Grid;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A survey of one operator over a disk of res-8 cells, as crowd phones would log it: every cell gets 8–35
 * observations (one sample each, from a pool of phones, on different days and hours), bad with the cell's own
 * background share of 3–8 %, except in the planted gaps (single cells and clusters of 3 and 7) where most are bad.
 * The same seed gives the same survey.
 */
final class PlantedSurvey {

    static final int RADIUS = 18;
    private static final int PHONES = 60;

    private final H3Grid grid;
    private final String operator;
    private final Random random;
    private final List<Set<Long>> gaps = new ArrayList<>();
    private final List<Long> cells;

    PlantedSurvey(H3Grid grid, long centre, String operator, long seed) {
        this.grid = grid;
        this.operator = operator;
        this.random = new Random(seed);
        this.cells = grid.disk(centre, RADIUS);
        Set<Long> taken = new HashSet<>();
        int[] sizes = {1, 1, 3, 3, 7, 7};
        for (int size : sizes) {
            for (int attempt = 0; attempt < 100; attempt++) {
                long seedCell = cells.get(random.nextInt(cells.size()));
                Set<Long> gap = cluster(seedCell, size);
                // apart from the others by a ring, so that two planted gaps never merge into one region
                Set<Long> around = new HashSet<>();
                gap.forEach(c -> around.addAll(grid.disk(c, 2)));
                if (around.stream().noneMatch(taken::contains) && cells.containsAll(around)) {
                    gaps.add(gap);
                    taken.addAll(gap);
                    break;
                }
            }
        }
    }

    /** The planted gaps, each as its cells. */
    List<Set<Long>> gaps() {
        return gaps;
    }

    /** Writes the survey as the contract CSV, header first; returns the rows written. */
    long write(Writer out, Instant start) throws IOException {
        out.write("timestamp,lat,lon,mcc,mnc,rat,rsrp,device_id\n");
        Set<Long> inGaps = new HashSet<>();
        gaps.forEach(inGaps::addAll);
        long rows = 0;
        for (long cell : cells) {
            double badShare = inGaps.contains(cell) ? 0.7 : 0.03 + 0.05 * random.nextDouble();
            int observations = 8 + random.nextInt(28);
            List<Long> children = grid.children(cell, H3Grid.DETAIL);
            for (int i = 0; i < observations; i++) {
                long child = children.get(random.nextInt(children.size()));
                var at = grid.centre(child);
                // one observation a day: the per-device daily cap never bites
                Instant when = start.plusSeconds(86_400L * i + 3_600L * random.nextInt(14));
                int rsrp = random.nextDouble() < badShare ? (random.nextBoolean() ? -121 : -110) : -80 - random.nextInt(12);
                out.write(when + "," + at.lat + "," + at.lng + "," + operator.substring(0, 3) + "," + operator.substring(3)
                        + ",LTE," + rsrp + ",phone-" + random.nextInt(PHONES) + "\n");
                rows++;
            }
        }
        return rows;
    }

    private Set<Long> cluster(long seedCell, int size) {
        Set<Long> gap = new HashSet<>();
        gap.add(seedCell);
        for (long n : grid.disk(seedCell)) {
            if (gap.size() < size) {
                gap.add(n);
            }
        }
        return gap;
    }
}
