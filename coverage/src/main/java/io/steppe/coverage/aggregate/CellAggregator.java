package io.steppe.coverage.aggregate;

import static io.steppe.db.schema.Tables.COVERAGE_CELL;
import static io.steppe.db.schema.Tables.COVERAGE_OBSERVATION;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.importer.TouchedCells;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.time.Clock;
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
 * Keeps observations and cells in step with the samples of the window (the last {@code windowDays} days).
 * {@link #update} recomputes only the res-8 cells new samples fell into (with their res-9 children, and their res-7
 * parents rolled up from the res-8 cells); {@link #expire} those whose oldest observations left the window;
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
    private final Clock clock;
    private final int windowDays;

    public CellAggregator(DSLContext dsl, CoverageConfig config, H3Grid grid, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.windowDays = config.evidence().windowDays();
        this.grid = grid;
        CellJudge judge = new CellJudge(config.evidence());
        this.query = new CellQuery(config, judge);
        this.family = new GapFamily(config.evidence(), grid);
        this.changes = new CellChanges(dsl, query, family);
        this.rollup = new ParentRollup(grid, config.evidence(), judge);
    }

    /** Recomputes the cells {@code touched} names; returns how many cells were written. */
    public int update(TouchedCells touched) {
        OffsetDateTime windowStart = windowStart();
        int written = 0;
        for (Map.Entry<String, Set<Long>> e : touched.byOperator().entrySet()) {
            String operator = e.getKey();
            // IN with one bind value per cell: PostgreSQL hashes it as a constant list; "= ANY(cast(? as bigint[]))"
            // with the array bound as text left the cast in the row filter and made the update 10-30 times slower
            Set<Long> r8 = e.getValue();
            // only the hours the new samples fall in get new observations; older hours' are unchanged, and samples
            // from before the window change nothing
            long[] span = touched.span(operator);
            OffsetDateTime first = OffsetDateTime.ofInstant(Instant.ofEpochMilli(span[0]), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
            OffsetDateTime from = first.isBefore(windowStart) ? windowStart : first;
            OffsetDateTime to = OffsetDateTime.ofInstant(Instant.ofEpochMilli(span[1]), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusHours(1);
            if (!to.isAfter(from)) {
                continue;
            }
            written += dsl.transactionResult(c -> {
                DSLContext tx = c.dsl();
                sortMemory(tx, UPDATE_SORT_MEMORY);
                Condition samples = COVERAGE_SAMPLE.OPERATOR.eq(operator).and(COVERAGE_SAMPLE.H3_R8.in(r8))
                        .and(COVERAGE_SAMPLE.MEASURED_AT.ge(from)).and(COVERAGE_SAMPLE.MEASURED_AT.lt(to));
                tx.deleteFrom(COVERAGE_OBSERVATION).where(COVERAGE_OBSERVATION.OPERATOR.eq(operator), COVERAGE_OBSERVATION.H3_R8.in(r8),
                        COVERAGE_OBSERVATION.HOUR.ge(from), COVERAGE_OBSERVATION.HOUR.lt(to)).execute();
                insertObservations(tx, samples);
                return rejudge(tx, operator, r8, windowStart);
            });
        }
        return written;
    }

    /**
     * What leaving the window did.
     *
     * @param operators the operators whose cells were judged again
     * @param dropped   the monthly sample partitions dropped
     */
    public record Expiry(Set<String> operators, List<String> dropped) {
    }

    /**
     * Lets the observations older than the sample window go and judges their cells again on what is left (a cell
     * left with none is no longer stored), then drops the sample partitions of months wholly before the window.
     */
    public Expiry expire() {
        OffsetDateTime windowStart = windowStart();
        var o = COVERAGE_OBSERVATION;
        Map<String, Set<Long>> stale = new HashMap<>();
        dsl.selectDistinct(o.OPERATOR, o.H3_R8).from(o).where(o.HOUR.lt(windowStart))
                .forEach(r -> stale.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        for (Map.Entry<String, Set<Long>> e : stale.entrySet()) {
            dsl.transaction(c -> {
                DSLContext tx = c.dsl();
                sortMemory(tx, UPDATE_SORT_MEMORY);
                tx.deleteFrom(o).where(o.OPERATOR.eq(e.getKey()), o.HOUR.lt(windowStart)).execute();
                List<Long> gone = new ArrayList<>();
                for (long cell : e.getValue()) {
                    gone.add(cell);
                    gone.addAll(grid.children(cell, H3Grid.DETAIL));
                    gone.add(grid.parent(cell, H3Grid.OVERVIEW));
                }
                tx.deleteFrom(COVERAGE_CELL).where(COVERAGE_CELL.OPERATOR.eq(e.getKey()), COVERAGE_CELL.H3.in(gone)).execute();
                rejudge(tx, e.getKey(), e.getValue(), windowStart);
            });
        }
        return new Expiry(stale.keySet(), ExpiredMonths.drop(dsl, windowStart));
    }

    /** The first hour that counts: samples older than the window do not. */
    private OffsetDateTime windowStart() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(windowDays).truncatedTo(ChronoUnit.HOURS);
    }

    /** Judges the res-8 cells {@code r8} of {@code operator} and their res-9 cells again, settles the family, rolls up parents. */
    private int rejudge(DSLContext tx, String operator, Set<Long> r8, OffsetDateTime windowStart) {
        Set<Long> parents = new HashSet<>();
        for (long c : r8) {
            parents.add(grid.parent(c, H3Grid.OVERVIEW));
        }
        int n = writeCells(tx, COVERAGE_OBSERVATION.OPERATOR.eq(operator).and(COVERAGE_OBSERVATION.H3_R8.in(r8))
                .and(COVERAGE_OBSERVATION.HOUR.ge(windowStart)));
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
            insertObservations(tx, COVERAGE_SAMPLE.MEASURED_AT.ge(windowStart()));
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
