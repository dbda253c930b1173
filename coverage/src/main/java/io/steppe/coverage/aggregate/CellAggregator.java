package io.steppe.coverage.aggregate;

import static io.steppe.db.schema.Tables.COVERAGE_CELL;
import static io.steppe.db.schema.Tables.COVERAGE_OBSERVATION;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.importer.TouchedCells;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Keeps observations and cells in step with the samples. {@link #update} recomputes only the res-8 cells new
 * samples fell into (with their res-9 children, and their res-7 parents rolled up from the res-8 cells);
 * {@link #rebuild} everything. Grouping, medians and the per-device cap run in PostgreSQL; the judgement in Java.
 */
public final class CellAggregator {

    private static final String UPDATE_SORT_MEMORY = "64MB";
    /** A full rebuild sorts every sample once; more memory means fewer merge passes on disk. */
    private static final String REBUILD_SORT_MEMORY = "256MB";

    private final DSLContext dsl;
    private final H3Grid grid;
    private final CellQuery query;
    private final CellChanges changes;
    private final ParentRollup rollup;
    private final GapFamily family;

    public CellAggregator(DSLContext dsl, CoverageConfig config, H3Grid grid) {
        this.dsl = dsl;
        this.grid = grid;
        CellJudge judge = new CellJudge(config.evidence());
        this.query = new CellQuery(config, judge);
        this.family = new GapFamily(config.evidence(), grid);
        this.changes = new CellChanges(dsl, query, family);
        this.rollup = new ParentRollup(grid, config.evidence(), judge);
    }

    /** Recomputes the cells {@code touched} names; returns how many cells were written. */
    public int update(TouchedCells touched) {
        int written = 0;
        for (Map.Entry<String, Set<Long>> e : touched.byOperator().entrySet()) {
            String operator = e.getKey();
            // IN with one bind value per cell: PostgreSQL hashes it as a constant list; "= ANY(cast(? as bigint[]))"
            // with the array bound as text left the cast in the row filter and made the update 10-30 times slower
            Set<Long> r8 = e.getValue();
            Set<Long> parents = new HashSet<>();
            for (long c : r8) {
                parents.add(grid.parent(c, H3Grid.OVERVIEW));
            }
            // only the hours the new samples fall in get new observations; older hours' are unchanged
            long[] span = touched.span(operator);
            OffsetDateTime from = OffsetDateTime.ofInstant(Instant.ofEpochMilli(span[0]), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
            OffsetDateTime to = OffsetDateTime.ofInstant(Instant.ofEpochMilli(span[1]), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusHours(1);
            written += dsl.transactionResult(c -> {
                DSLContext tx = c.dsl();
                sortMemory(tx, UPDATE_SORT_MEMORY);
                Condition samples = COVERAGE_SAMPLE.OPERATOR.eq(operator).and(COVERAGE_SAMPLE.H3_R8.in(r8))
                        .and(COVERAGE_SAMPLE.MEASURED_AT.ge(from)).and(COVERAGE_SAMPLE.MEASURED_AT.lt(to));
                Condition observations = COVERAGE_OBSERVATION.OPERATOR.eq(operator).and(COVERAGE_OBSERVATION.H3_R8.in(r8));
                tx.deleteFrom(COVERAGE_OBSERVATION).where(observations, COVERAGE_OBSERVATION.HOUR.ge(from), COVERAGE_OBSERVATION.HOUR.lt(to))
                        .execute();
                insertObservations(tx, samples);
                int n = writeCells(tx, observations);
                family.settle(tx, operator, H3Grid.DETAIL);
                // the family's verdict may move any of the operator's cells, so their parents are rolled up too
                for (long moved : family.settle(tx, operator, H3Grid.DECISION)) {
                    parents.add(grid.parent(moved, H3Grid.OVERVIEW));
                }
                List<Long> siblings = new ArrayList<>();
                for (long parent : parents) {
                    siblings.addAll(grid.children(parent, H3Grid.DECISION));
                }
                return n + writeParents(tx, COVERAGE_CELL.OPERATOR.eq(operator).and(COVERAGE_CELL.H3.in(siblings)));
            });
        }
        return written;
    }

    /**
     * How each res-8 cell of {@code operator} was judged on the evidence of each of two periods: whether a new
     * mast fixed a gap, or a cell got worse.
     */
    public List<CellChange> changes(String operator, Periods periods) {
        return changes.changes(operator, periods);
    }

    /** The same comparison between the samples of two import sources (say last year's drive test and this year's). */
    public List<CellChange> changes(String operator, String beforeSource, String afterSource) {
        return changes.changes(operator, beforeSource, afterSource);
    }

    /** Recomputes every observation and cell from the samples. */
    public int rebuild() {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            sortMemory(tx, REBUILD_SORT_MEMORY);
            tx.deleteFrom(COVERAGE_OBSERVATION).execute();
            tx.deleteFrom(COVERAGE_CELL).execute();
            insertObservations(tx, DSL.trueCondition());
            int n = writeCells(tx, DSL.trueCondition());
            for (String operator : tx.selectDistinct(COVERAGE_CELL.OPERATOR).from(COVERAGE_CELL).fetch(COVERAGE_CELL.OPERATOR)) {
                family.settle(tx, operator, H3Grid.DETAIL);
                family.settle(tx, operator, H3Grid.DECISION);
            }
            return n + writeParents(tx, DSL.trueCondition());
        });
    }

    /**
     * PostgreSQL's {@code work_mem} for this transaction only ({@code set_config(…, true)}; a plain SET would
     * stay with the pooled connection). With the default 4 MB, the sorts behind the medians and the per-device
     * cap spilled to disk: 16–26 MB each for the 100,000-sample update of the benchmark.
     */
    private static void sortMemory(DSLContext tx, String amount) {
        tx.select(DSL.function("set_config", String.class, DSL.val("work_mem"), DSL.val(amount), DSL.val(true))).fetch();
    }

    private static void insertObservations(DSLContext tx, Condition samples) {
        var o = COVERAGE_OBSERVATION;
        tx.insertInto(o, o.OPERATOR, o.DEVICE, o.H3_R9, o.HOUR, o.H3_R8, o.H3_R7, o.SAMPLES, o.MEDIAN_RSRP, o.CLASS)
                .select(CellQuery.observations(samples))
                .execute();
    }

    /** Rolls the res-8 cells {@code children} selects up into their res-7 parents. */
    private int writeParents(DSLContext tx, Condition children) {
        Map<String, List<CoverageCellRecord>> byOperator = new HashMap<>();
        tx.selectFrom(COVERAGE_CELL).where(children, COVERAGE_CELL.RESOLUTION.eq((short) H3Grid.DECISION)).orderBy(COVERAGE_CELL.H3)
                .forEach(c -> byOperator.computeIfAbsent(c.getOperator(), k -> new ArrayList<>()).add(c));
        List<CoverageCellRecord> parents = new ArrayList<>();
        byOperator.values().forEach(cells -> parents.addAll(rollup.parents(cells)));
        return replace(tx, H3Grid.OVERVIEW, parents);
    }

    /** Judges the res-9 and res-8 cells of the observations {@code observations} selects, and stores them. */
    private int writeCells(DSLContext tx, Condition observations) {
        List<CoverageCellRecord> cells = query.judge(tx, true, COVERAGE_OBSERVATION, observations);
        int n = 0;
        for (int resolution : List.of(H3Grid.DETAIL, H3Grid.DECISION)) {
            n += replace(tx, resolution, cells.stream().filter(c -> c.getResolution() == resolution).toList());
        }
        return n;
    }

    private static int replace(DSLContext tx, int resolution, List<CoverageCellRecord> cells) {
        for (Map.Entry<String, List<Long>> e : idsByOperator(cells).entrySet()) {
            tx.deleteFrom(COVERAGE_CELL).where(COVERAGE_CELL.OPERATOR.eq(e.getKey()), COVERAGE_CELL.RESOLUTION.eq((short) resolution),
                    COVERAGE_CELL.H3.in(e.getValue())).execute();
        }
        if (!cells.isEmpty()) {
            tx.batchInsert(cells).execute();
        }
        return cells.size();
    }

    private static Map<String, List<Long>> idsByOperator(List<CoverageCellRecord> cells) {
        Map<String, List<Long>> ids = new HashMap<>();
        for (CoverageCellRecord c : cells) {
            ids.computeIfAbsent(c.getOperator(), k -> new ArrayList<>()).add(c.getH3());
        }
        return ids;
    }
}
