package io.steppe.coverage.map;

import static io.steppe.db.schema.Tables.COVERAGE_CELL;

import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.GapRegions;
import io.steppe.coverage.place.PlaceLayer;
import io.steppe.coverage.CoverageConfig;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads what a map or an export shows: cells, gap regions, places. */
public final class CoverageLayers {

    /** Everything one map shows. */
    public record MapData(String title, List<MapCell> cells, List<Gap> gaps, PlaceLayer places) {
    }

    private final DSLContext dsl;
    private final GapRegions gaps;
    private final CoverageConfig config;

    public CoverageLayers(DSLContext dsl, GapRegions gaps, CoverageConfig config) {
        this.dsl = dsl;
        this.gaps = gaps;
        this.config = config;
    }

    /** Cells of one operator (every operator when empty) at one resolution. */
    public List<MapCell> cells(Optional<String> operator, int resolution) {
        Condition where = COVERAGE_CELL.RESOLUTION.eq((short) resolution)
                .and(operator.map(COVERAGE_CELL.OPERATOR::eq).orElse(DSL.trueCondition()));
        return dsl.selectFrom(COVERAGE_CELL).where(where).orderBy(COVERAGE_CELL.OPERATOR, COVERAGE_CELL.H3)
                .fetch(r -> new MapCell(r.getOperator(), r.getResolution(), r.getH3(), r.getStatus(), r.getSeverity(),
                        r.getObservations(), r.getBad(), r.getDevices(), r.getSamples(), r.getFirstSeen(), r.getLastSeen(),
                        r.getMedianRsrp(), r.getP10Rsrp(), r.getGood(), r.getFair(), r.getPoor(), r.getNone()));
    }

    /** Gap regions of an operator, every operator's when empty, or where none covers for {@code all}. */
    public List<Gap> gaps(Optional<String> operator, boolean withoutWifi) {
        if (operator.isPresent() && operator.get().equals("all")) {
            return gaps.withoutAnyOperator(withoutWifi);
        }
        return gaps.list(operator);
    }

    /** One day of evidence in a set of cells. */
    public record Day(java.time.LocalDate day, int observations, int bad, long samples) {
    }

    /** Observations per day in the given res-8 cells of one operator, oldest first. */
    public List<Day> days(String operator, List<Long> cells) {
        var o = io.steppe.db.schema.Tables.COVERAGE_OBSERVATION;
        org.jooq.Field<java.time.LocalDate> day = DSL.field("({0} at time zone {1})::date", java.time.LocalDate.class, o.HOUR,
                DSL.inline(config.zone().getId()));
        return dsl.select(day, DSL.count(), DSL.count().filterWhere(o.CLASS.ge((short) 2)), DSL.sum(o.SAMPLES))
                .from(o).where(o.OPERATOR.eq(operator), o.H3_R8.in(cells))
                .groupBy(day).orderBy(day)
                .fetch(r -> new Day(r.value1(), r.value2(), r.value3(), r.value4().longValue()));
    }

    public MapData map(Optional<String> operator, boolean withoutWifi) {
        String title = operator.map(o -> o.equals("all") ? "Where no operator covers" + (withoutWifi ? " and no Steppe Wi-Fi reaches" : "")
                : "4G gaps of " + o).orElse("4G gaps of every operator");
        List<MapCell> cells = operator.isPresent() && operator.get().equals("all") ? List.of()
                : cells(operator, io.steppe.coverage.sample.H3Grid.DECISION);
        return new MapData(title, cells, gaps(operator, withoutWifi), PlaceLayer.load(dsl, config.ranking()));
    }
}
