package io.steppe.coverage.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The res-8 cells, per operator, that new samples fell into: all that aggregation needs to recompute. */
public final class TouchedCells {

    private final Map<String, Set<Long>> cells = new HashMap<>();
    private final Map<String, long[]> spans = new HashMap<>();

    /** A new sample of {@code operator} in res-8 cell {@code h3r8}, taken at {@code measuredAt} (epoch ms). */
    public void add(String operator, long h3r8, long measuredAt) {
        cells.computeIfAbsent(operator, o -> new HashSet<>()).add(h3r8);
        long[] span = spans.computeIfAbsent(operator, o -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
        span[0] = Math.min(span[0], measuredAt);
        span[1] = Math.max(span[1], measuredAt);
    }

    /** The first and last time (epoch ms) of the operator's new samples: only observations of those hours change. */
    public long[] span(String operator) {
        return spans.get(operator).clone();
    }

    public Map<String, Set<Long>> byOperator() {
        return cells;
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    public int size() {
        return cells.values().stream().mapToInt(Set::size).sum();
    }
}
