package io.steppe.coverage.aggregate;

import static io.steppe.db.schema.Tables.COVERAGE_CELL;
import static io.steppe.db.schema.Tables.COVERAGE_IMPORT;
import static io.steppe.db.schema.Tables.COVERAGE_OBSERVATION;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.groupingSets;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.percentileDisc;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.importer.TouchedCells;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.coverage.sample.SampleClass;
import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record9;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Keeps observations and cells in step with the samples. {@link #update} recomputes only the res-8 cells new
 * samples fell into (with their res-9 children, and their res-7 parents rolled up from the res-8 cells);
 * {@link #rebuild} everything. Grouping, medians and the per-device cap run in PostgreSQL; the judgement in Java.
 */
public final class CellAggregator {

    private static final Field<Short> BAD_FROM = DSL.val((short) SampleClass.POOR.ordinal());
    private static final String UPDATE_SORT_MEMORY = "64MB";
    /** A full rebuild sorts every sample once; more memory means fewer merge passes on disk. */
    private static final String REBUILD_SORT_MEMORY = "256MB";

    private final DSLContext dsl;
    private final CoverageConfig config;
    private final H3Grid grid;
    private final CellJudge judge;
    private final ParentRollup rollup;

    public CellAggregator(DSLContext dsl, CoverageConfig config, H3Grid grid) {
        this.dsl = dsl;
        this.config = config;
        this.grid = grid;
        this.judge = new CellJudge(config.evidence());
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
            Long[] r7 = parents.toArray(new Long[0]);
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
                List<Long> siblings = new ArrayList<>();
                for (long parent : r7) {
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
        return compare(judge(dsl, H3Grid.DECISION, before), judge(dsl, H3Grid.DECISION, after));
    }

    /**
     * The same comparison between the samples of two import sources (say last year's drive test and this year's),
     * judged each on its own; the stored observations mix every source, so these are computed from the samples.
     */
    public List<CellChange> changes(String operator, String beforeSource, String afterSource) {
        return compare(judge(dsl, List.of(H3Grid.DECISION), ofSource(operator, beforeSource), DSL.trueCondition()),
                judge(dsl, List.of(H3Grid.DECISION), ofSource(operator, afterSource), DSL.trueCondition()));
    }

    private Table<?> ofSource(String operator, String source) {
        List<Long> imports = dsl.select(COVERAGE_IMPORT.ID).from(COVERAGE_IMPORT).where(COVERAGE_IMPORT.SOURCE.eq(source))
                .fetch(COVERAGE_IMPORT.ID);
        if (imports.isEmpty()) {
            throw new IllegalArgumentException("no import has the source '" + source + "'");
        }
        return observations(COVERAGE_SAMPLE.OPERATOR.eq(operator).and(COVERAGE_SAMPLE.IMPORT_ID.in(imports)))
                .asTable("observations");
    }

    private static List<CellChange> compare(List<CoverageCellRecord> beforeCells, List<CoverageCellRecord> afterCells) {
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

    /** Recomputes every observation and cell from the samples. */
    public int rebuild() {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            sortMemory(tx, REBUILD_SORT_MEMORY);
            tx.deleteFrom(COVERAGE_OBSERVATION).execute();
            tx.deleteFrom(COVERAGE_CELL).execute();
            insertObservations(tx, DSL.trueCondition());
            int n = writeCells(tx, DSL.trueCondition());
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
                .select(observations(samples))
                .execute();
    }

    /** The observations of the samples {@code samples} selects, named as {@code coverage_observation}'s columns. */
    private static Select<Record9<String, String, Long, OffsetDateTime, Long, Long, Integer, Short, Short>> observations(Condition samples) {
        var s = COVERAGE_SAMPLE;
        var o = COVERAGE_OBSERVATION;
        Field<OffsetDateTime> hour = DSL.trunc(s.MEASURED_AT, DatePart.HOUR);
        return select(s.OPERATOR, s.DEVICE, s.H3_R9, hour.as(o.HOUR.getName()), s.H3_R8, s.H3_R7, count().as(o.SAMPLES.getName()),
                percentileDisc(0.5).withinGroupOrderBy(s.RSRP).coerce(Short.class).as(o.MEDIAN_RSRP.getName()),
                percentileDisc(0.5).withinGroupOrderBy(s.CLASS).coerce(Short.class).as(o.CLASS.getName()))
                .from(s).where(samples)
                // the same groups in the order PostgreSQL sorts by: most rows differ already in the res-9 cell or
                // the hour (bigints) before the device text is compared; 14 s instead of 24 s for 10 million rows
                .groupBy(s.H3_R9, hour, s.DEVICE, s.OPERATOR, s.H3_R8, s.H3_R7);
    }

    /** Rolls the res-8 cells {@code children} selects up into their res-7 parents. */
    private int writeParents(DSLContext tx, Condition children) {
        Map<String, List<CoverageCellRecord>> byOperator = new java.util.HashMap<>();
        tx.selectFrom(COVERAGE_CELL).where(children, COVERAGE_CELL.RESOLUTION.eq((short) H3Grid.DECISION)).orderBy(COVERAGE_CELL.H3)
                .forEach(c -> byOperator.computeIfAbsent(c.getOperator(), k -> new ArrayList<>()).add(c));
        List<CoverageCellRecord> parents = new ArrayList<>();
        byOperator.values().forEach(cells -> parents.addAll(rollup.parents(cells)));
        return replace(tx, H3Grid.OVERVIEW, parents);
    }

    /** Judges the res-9 and res-8 cells of the observations {@code observations} selects, and stores them. */
    private int writeCells(DSLContext tx, Condition observations) {
        List<CoverageCellRecord> cells = judge(tx, List.of(H3Grid.DETAIL, H3Grid.DECISION), COVERAGE_OBSERVATION, observations);
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

    /** The cells of one resolution judged from the observations {@code observations} selects, not stored. */
    List<CoverageCellRecord> judge(DSLContext tx, int resolution, Condition observations) {
        return judge(tx, List.of(resolution), COVERAGE_OBSERVATION, observations);
    }

    /**
     * As above, for resolution 9, 8 or both, from any table with {@code coverage_observation}'s columns (the stored
     * one, or one computed). Both resolutions come from one query (GROUPING SETS), so the observations are read,
     * sorted and capped per device once: that sort was half of an incremental update.
     */
    private List<CoverageCellRecord> judge(DSLContext tx, List<Integer> resolutions, Table<?> from, Condition observations) {
        var o = COVERAGE_OBSERVATION;
        if (!List.of(H3Grid.DETAIL, H3Grid.DECISION).containsAll(resolutions)) {
            throw new IllegalArgumentException("cells are judged at resolutions 9 and 8; 7 is rolled up: " + resolutions);
        }
        Field<OffsetDateTime> hourOf = from.field(o.HOUR);
        Field<Object> day = DSL.field("({0} at time zone {1})::date", Object.class, hourOf, DSL.inline(config.zone().getId()));
        Field<Integer> rank = rowNumber().over(partitionBy(from.field(o.OPERATOR), from.field(o.DEVICE), from.field(o.H3_R8), day)
                .orderBy(hourOf, from.field(o.H3_R9))).as("rank");
        Table<?> capped = select(from.field(o.OPERATOR), from.field(o.DEVICE), from.field(o.H3_R9), from.field(o.H3_R8),
                from.field(o.H3_R7), hourOf, from.field(o.SAMPLES), from.field(o.MEDIAN_RSRP), from.field(o.CLASS), rank)
                .from(from).where(observations).asTable("capped");
        Field<String> operator = capped.field(o.OPERATOR);
        Field<Long> r9 = capped.field(o.H3_R9);
        Field<Long> r8 = capped.field(o.H3_R8);
        boolean both = resolutions.size() > 1;
        boolean detail = resolutions.get(0) == H3Grid.DETAIL;
        // 1 where the res-9 id was grouped away, i.e. in the res-8 grouping set
        Field<Integer> level = (both ? DSL.grouping(r9) : DSL.inline(detail ? 0 : 1)).as("level");
        Field<Short> cls = capped.field(o.CLASS);
        Field<Short> rsrp = capped.field(o.MEDIAN_RSRP);
        Field<OffsetDateTime> hour = capped.field(o.HOUR);
        Field<Integer> n = count().as("n");
        Field<Integer> bad = count().filterWhere(cls.ge(BAD_FROM)).as("bad");
        Field<Integer> devices = countDistinct(capped.field(o.DEVICE)).as("devices");
        Field<OffsetDateTime> first = min(hour).as("first");
        Field<OffsetDateTime> last = max(hour).as("last");
        Field<java.math.BigDecimal> samples = sum(capped.field(o.SAMPLES)).as("samples");
        Field<Short> median = percentileDisc(0.5).withinGroupOrderBy(rsrp).coerce(Short.class).as("median");
        Field<Short> p10 = percentileDisc(0.1).withinGroupOrderBy(rsrp).coerce(Short.class).as("p10");
        Field<Short> medianClass = percentileDisc(0.5).withinGroupOrderBy(cls).coerce(Short.class).as("median_class");
        Field<Integer> badChildren = countDistinct(capped.field(o.H3_R9)).filterWhere(cls.ge(BAD_FROM)).as("bad_children");
        List<Field<Integer>> classes = new ArrayList<>();
        for (SampleClass c : SampleClass.values()) {
            classes.add(count().filterWhere(cls.eq((short) c.ordinal())).as(c.value()));
        }
        List<Field<?>> fields = new ArrayList<>(List.of(operator));
        if (both || detail) {
            fields.add(r9);
        }
        if (both || !detail) {
            fields.add(r8);
        }
        fields.addAll(List.of(level, n, bad, devices, first, last, samples, median, p10, medianClass, badChildren));
        fields.addAll(classes);
        var capping = tx.select(fields).from(capped).where(capped.field(rank).le(config.evidence().maxPerDeviceCellDay()));
        var rows = both ? capping.groupBy(groupingSets(new Field<?>[] {operator, r9}, new Field<?>[] {operator, r8})).fetch()
                : capping.groupBy(operator, detail ? r9 : r8).fetch();
        List<CoverageCellRecord> cells = new ArrayList<>(rows.size());
        for (Record r : rows) {
            int resolution = r.get(level) == 1 ? H3Grid.DECISION : H3Grid.DETAIL;
            cells.add(cell(r, resolution, operator, resolution == H3Grid.DETAIL ? r9 : r8, n, bad, devices, first, last, samples,
                    median, p10, medianClass, badChildren, classes));
        }
        return cells;
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private CoverageCellRecord cell(Record r, int resolution, Field<String> operator, Field<Long> cell, Field<Integer> n,
                                    Field<Integer> bad, Field<Integer> devices, Field<OffsetDateTime> first,
                                    Field<OffsetDateTime> last, Field<java.math.BigDecimal> samples, Field<Short> median,
                                    Field<Short> p10, Field<Short> medianClass, Field<Integer> badChildren,
                                    List<Field<Integer>> classes) {
        long span = Duration.between(r.get(first), r.get(last)).toHours();
        // the spread rule asks for bad evidence in several res-9 children; a res-9 cell has only itself
        int children = resolution == H3Grid.DETAIL ? Integer.MAX_VALUE : r.get(badChildren);
        CellEvidence evidence = new CellEvidence(r.get(n), r.get(bad), r.get(devices), span, children,
                SampleClass.of(r.get(medianClass)));
        CellJudge.Verdict verdict = judge.judge(evidence);
        CoverageCellRecord c = new CoverageCellRecord();
        c.setOperator(r.get(operator));
        c.setResolution((short) resolution);
        c.setH3(r.get(cell));
        c.setStatus(verdict.status().value());
        c.setSeverity(verdict.severity() == null ? null : verdict.severity().value());
        c.setObservations(r.get(n));
        c.setBad(r.get(bad));
        c.setDevices(r.get(devices));
        c.setSamples(r.get(samples).longValue());
        c.setFirstSeen(r.get(first));
        c.setLastSeen(r.get(last));
        c.setMedianRsrp(r.get(median));
        c.setP10Rsrp(r.get(p10));
        c.setGood(r.get(classes.get(0)));
        c.setFair(r.get(classes.get(1)));
        c.setPoor(r.get(classes.get(2)));
        c.setNone(r.get(classes.get(3)));
        return c;
    }

    private static Map<String, List<Long>> idsByOperator(List<CoverageCellRecord> cells) {
        Map<String, List<Long>> ids = new java.util.HashMap<>();
        for (CoverageCellRecord c : cells) {
            ids.computeIfAbsent(c.getOperator(), k -> new ArrayList<>()).add(c.getH3());
        }
        return ids;
    }
}
