package io.steppe.coverage.aggregate;

import static io.steppe.db.schema.Tables.COVERAGE_IMPORT;
import static io.steppe.db.schema.Tables.COVERAGE_OBSERVATION;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;

import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Res-8 cells judged on two sets of evidence, two periods or two import sources: what got better or worse. */
final class CellChanges {

    private final DSLContext dsl;
    private final CellQuery query;
    private final GapFamily family;

    CellChanges(DSLContext dsl, CellQuery query, GapFamily family) {
        this.dsl = dsl;
        this.query = query;
        this.family = family;
    }

    /**
     * How each res-8 cell of {@code operator} was judged on the evidence of each of two periods: whether a new
     * mast fixed a gap, or a cell got worse.
     */
    List<CellChange> changes(String operator, Periods periods) {
        var o = COVERAGE_OBSERVATION;
        Condition mine = o.OPERATOR.eq(operator);
        Condition before = mine.and(o.HOUR.lt(utc(periods.at())));
        Condition after = mine.and(o.HOUR.ge(utc(periods.at())));
        if (periods.since().isPresent()) {
            before = before.and(o.HOUR.ge(utc(periods.since().get())));
        }
        if (periods.until().isPresent()) {
            after = after.and(o.HOUR.lt(utc(periods.until().get())));
        }
        return compare(query.judge(dsl, false, COVERAGE_OBSERVATION, before), query.judge(dsl, false, COVERAGE_OBSERVATION, after));
    }

    /**
     * The same comparison between the samples of two import sources (say last year's drive test and this year's),
     * judged each on its own; the stored observations mix every source, so these are computed from the samples.
     */
    List<CellChange> changes(String operator, String beforeSource, String afterSource) {
        return compare(query.judge(dsl, false, ofSource(operator, beforeSource), DSL.trueCondition()),
                query.judge(dsl, false, ofSource(operator, afterSource), DSL.trueCondition()));
    }

    private Table<?> ofSource(String operator, String source) {
        List<Long> imports = dsl.select(COVERAGE_IMPORT.ID).from(COVERAGE_IMPORT).where(COVERAGE_IMPORT.SOURCE.eq(source))
                .fetch(COVERAGE_IMPORT.ID);
        if (imports.isEmpty()) {
            throw new IllegalArgumentException("no import has the source '" + source + "'");
        }
        return CellQuery.observations(COVERAGE_SAMPLE.OPERATOR.eq(operator).and(COVERAGE_SAMPLE.IMPORT_ID.in(imports)))
                .asTable("observations");
    }

    /** Each period's cells are a family of their own, judged as the stored cells are. */
    private List<CellChange> compare(List<CoverageCellRecord> beforeCells, List<CoverageCellRecord> afterCells) {
        family.settle(beforeCells);
        family.settle(afterCells);
        Map<Long, CoverageCellRecord> before = new HashMap<>();
        beforeCells.forEach(c -> before.put(c.getH3(), c));
        List<CellChange> changes = new ArrayList<>();
        for (CoverageCellRecord after : afterCells) {
            CoverageCellRecord was = before.get(after.getH3());
            if (was != null) {
                changes.add(new CellChange(after.getH3(), CellStatus.parse(was.getStatus()), CellStatus.parse(after.getStatus()),
                        was.getBad(), was.getObservations(), after.getBad(), after.getObservations()));
            }
        }
        changes.sort(Comparator.comparingInt((CellChange c) -> -Math.abs(c.direction())).thenComparingLong(CellChange::h3));
        return changes;
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
