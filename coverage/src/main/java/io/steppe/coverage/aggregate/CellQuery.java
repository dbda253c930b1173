package io.steppe.coverage.aggregate;

import static io.steppe.db.schema.Tables.COVERAGE_OBSERVATION;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.groupingSets;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.percentileDisc;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.coverage.sample.SampleClass;
import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
 * The SQL side of judging cells: observations summarised from samples, and res-9 and res-8 cells counted from
 * observations (per-device cap, medians, class shares) in PostgreSQL, then judged in Java by {@link CellJudge},
 * each on its own (the family's correction follows in {@link GapFamily}). Nothing is stored here.
 */
final class CellQuery {

    private static final Field<Short> BAD_FROM = DSL.val((short) SampleClass.POOR.ordinal());

    private final CoverageConfig config;
    private final CellJudge judge;

    CellQuery(CoverageConfig config, CellJudge judge) {
        this.config = config;
        this.judge = judge;
    }

    /** The observations of the samples {@code samples} selects, named as {@code coverage_observation}'s columns. */
    static Select<Record9<String, String, Long, OffsetDateTime, Long, Long, Integer, Short, Short>> observations(Condition samples) {
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

    /**
     * The res-8 cells, and with {@code withDetail} their res-9 cells too, judged from the observations
     * {@code observations} selects in any table with {@code coverage_observation}'s columns (the stored one, or
     * one computed); not stored. Both resolutions come from one query (GROUPING SETS), so the observations are
     * read, sorted and capped per device once: that sort was half of an incremental update.
     */
    List<CoverageCellRecord> judge(DSLContext tx, boolean withDetail, Table<?> from, Condition observations) {
        var o = COVERAGE_OBSERVATION;
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
        // 1 where the res-9 id was grouped away, i.e. in the res-8 grouping set
        Field<Integer> level = (withDetail ? DSL.grouping(r9) : DSL.inline(1)).as("level");
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
        List<Field<?>> fields = new ArrayList<>(withDetail ? List.of(operator, r9, r8) : List.of(operator, r8));
        fields.addAll(List.of(level, n, bad, devices, first, last, samples, median, p10, medianClass, badChildren));
        fields.addAll(classes);
        var capping = tx.select(fields).from(capped).where(capped.field(rank).le(config.evidence().maxPerDeviceCellDay()));
        var rows = withDetail ? capping.groupBy(groupingSets(new Field<?>[] {operator, r9}, new Field<?>[] {operator, r8})).fetch()
                : capping.groupBy(operator, r8).fetch();
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
        // a cell that passes its own test is a gap only if the family's correction agrees (GapFamily); until then
        // it is uncertain
        boolean candidate = verdict.status() == CellStatus.GAP;
        c.setCandidate(candidate);
        c.setPValue(verdict.status() == CellStatus.UNMEASURED ? null : judge.pValue(evidence.bad(), evidence.observations()));
        c.setStatus((candidate ? CellStatus.UNCERTAIN : verdict.status()).value());
        c.setSeverity(null);
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
}
