package io.steppe.coverage.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The res-8 cells, per operator, that new samples fell into: all that aggregation needs to recompute. */
public final class TouchedCells {

    private final Map<String, Set<Long>> cells = new HashMap<>();

    public void add(String operator, long h3r8) {
        cells.computeIfAbsent(operator, o -> new HashSet<>()).add(h3r8);
    }

    public void addAll(TouchedCells other) {
        other.cells.forEach((op, set) -> cells.computeIfAbsent(op, o -> new HashSet<>()).addAll(set));
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
