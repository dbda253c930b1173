package io.steppe.coverage.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParentRollupTest {

    static final H3Grid GRID = H3Grid.load();
    static final long PARENT = GRID.cell(41.0336, 113.1330, H3Grid.OVERVIEW);
    final CoverageConfig.Evidence rules = CoverageConfig.defaults().evidence();
    final ParentRollup rollup = new ParentRollup(GRID, rules, new CellJudge(rules));

    @Test
    void fourGapChildrenOfSevenMakeAGapParent() {
        CoverageCellRecord p = rollup.parents(children(4, "none")).get(0);
        assertEquals(PARENT, p.getH3());
        assertEquals("gap", p.getStatus());
        assertEquals("none", p.getSeverity());
        assertEquals(4 * 6 + 3 * 20, p.getObservations());
        assertEquals(7 * 100, p.getSamples());
    }

    @Test
    void threeGapChildrenAreNotEnoughAndNotCoveredEither() {
        CoverageCellRecord p = rollup.parents(children(3, "poor")).get(0);
        assertEquals("uncertain", p.getStatus());
        assertNull(p.getSeverity());
        assertEquals("covered", rollup.parents(children(0, null)).get(0).getStatus());
    }

    /** The seven res-8 children of {@link #PARENT}: the first {@code gaps} are gaps, the rest covered. */
    private static List<CoverageCellRecord> children(int gaps, String severity) {
        List<CoverageCellRecord> cells = new ArrayList<>();
        List<Long> ids = GRID.children(PARENT, H3Grid.DECISION);
        for (int i = 0; i < ids.size(); i++) {
            boolean gap = i < gaps;
            CoverageCellRecord c = new CoverageCellRecord();
            c.setOperator("46000");
            c.setResolution((short) 8);
            c.setH3(ids.get(i));
            c.setStatus(gap ? "gap" : "covered");
            c.setSeverity(gap ? severity : null);
            c.setObservations(gap ? 6 : 20);
            c.setBad(gap ? 6 : 0);
            c.setDevices(2);
            c.setSamples(100L);
            c.setFirstSeen(OffsetDateTime.of(2026, 11, 20, 0, 0, 0, 0, ZoneOffset.UTC));
            c.setLastSeen(OffsetDateTime.of(2026, 11, 21, 0, 0, 0, 0, ZoneOffset.UTC));
            c.setMedianRsrp((short) (gap ? -120 : -85));
            c.setGood(gap ? 0 : 20);
            c.setFair(0);
            c.setPoor(gap && "poor".equals(severity) ? 6 : 0);
            c.setNone(gap && "none".equals(severity) ? 6 : 0);
            cells.add(c);
        }
        return cells;
    }
}
