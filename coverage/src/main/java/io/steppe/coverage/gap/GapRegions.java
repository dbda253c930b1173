package io.steppe.coverage.gap;

import static io.steppe.db.schema.Tables.COVERAGE_CELL;
import static io.steppe.db.schema.Tables.COVERAGE_GAP;
import static io.steppe.db.schema.Tables.COVERAGE_GAP_CELL;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.aggregate.CellStatus;
import io.steppe.coverage.aggregate.Severity;
import io.steppe.coverage.map.GeoJson;
import io.steppe.coverage.place.PlaceLayer;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.AuditLog;
import io.steppe.db.schema.tables.records.CoverageGapRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The gap regions of each operator, kept in {@code coverage_gap}. {@link #recompute} rebuilds an operator's
 * regions from its res-8 gap cells; a new region that overlaps a stored one takes over its id, status and note
 * (a {@code resolved} one that comes back is flagged {@code reappeared}); stored regions no longer seen are
 * kept inactive, so that their status is there if they return.
 */
public final class GapRegions {

    /** The longest note a decision may carry, in characters. */
    static final int NOTE_LIMIT = 2000;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final DSLContext dsl;
    private final CoverageConfig config;
    private final RegionBuilder builder;
    private final Priority priority;
    private final Clock clock;

    public GapRegions(DSLContext dsl, CoverageConfig config, H3Grid grid, Clock clock) {
        this.dsl = dsl;
        this.config = config;
        this.builder = new RegionBuilder(grid);
        this.priority = new Priority(config);
        this.clock = clock;
    }

    /** Rebuilds the regions of {@code operator}; returns how many are active. */
    public int recompute(String operator) {
        List<Region> regions = builder.regions(gapCells(COVERAGE_CELL.OPERATOR.eq(operator)));
        PlaceLayer places = PlaceLayer.load(dsl, config.ranking());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Map<Long, Set<Long>> stored = new HashMap<>();
            Map<Long, String> storedStatus = new HashMap<>();
            tx.select(COVERAGE_GAP.ID, COVERAGE_GAP.STATUS, COVERAGE_GAP_CELL.H3_R8).from(COVERAGE_GAP)
                    .join(COVERAGE_GAP_CELL).on(COVERAGE_GAP_CELL.GAP_ID.eq(COVERAGE_GAP.ID))
                    .where(COVERAGE_GAP.OPERATOR.eq(operator))
                    .forEach(r -> {
                        stored.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value3());
                        storedStatus.put(r.value1(), r.value2());
                    });
            Set<Long> claimed = new HashSet<>();
            for (Region region : regions) {
                Optional<Long> match = stored.entrySet().stream().filter(e -> !claimed.contains(e.getKey()))
                        .filter(e -> region.cells().stream().anyMatch(e.getValue()::contains))
                        .max(Comparator.comparingLong(e -> region.cells().stream().filter(e.getValue()::contains).count()))
                        .map(Map.Entry::getKey);
                PlaceLayer.Touches touches = places.touches(region.geometry());
                CoverageGapRecord gap = match.map(id -> tx.selectFrom(COVERAGE_GAP).where(COVERAGE_GAP.ID.eq(id)).fetchOne())
                        .orElseGet(() -> {
                            CoverageGapRecord r = tx.newRecord(COVERAGE_GAP);
                            r.setOperator(operator);
                            return r;
                        });
                if (match.isPresent()) {
                    claimed.add(match.get());
                    if (GapStatus.RESOLVED.value().equals(storedStatus.get(match.get())) && !gap.getActive()) {
                        gap.setReappeared(true);
                    }
                }
                fill(gap, region, touches, now);
                gap.store();
                tx.deleteFrom(COVERAGE_GAP_CELL).where(COVERAGE_GAP_CELL.GAP_ID.eq(gap.getId())).execute();
                var insert = tx.insertInto(COVERAGE_GAP_CELL, COVERAGE_GAP_CELL.GAP_ID, COVERAGE_GAP_CELL.H3_R8);
                for (long cell : region.cells()) {
                    insert = insert.values(gap.getId(), cell);
                }
                insert.execute();
            }
            Set<Long> gone = new HashSet<>(stored.keySet());
            gone.removeAll(claimed);
            if (!gone.isEmpty()) {
                tx.update(COVERAGE_GAP).set(COVERAGE_GAP.ACTIVE, false).set(COVERAGE_GAP.UPDATED_AT, now)
                        .where(COVERAGE_GAP.ID.in(gone)).execute();
            }
            return regions.size();
        });
    }

    private void fill(CoverageGapRecord gap, Region region, PlaceLayer.Touches touches, OffsetDateTime now) {
        gap.setActive(true);
        gap.setSeverity(region.severity().value());
        gap.setCells(region.cells().size());
        gap.setAreaKm2(region.areaKm2());
        gap.setSamples(region.samples());
        gap.setObservations(region.observations());
        gap.setMedianRsrp(region.medianRsrp());
        gap.setVillages(touches.villages().toArray(new String[0]));
        gap.setPeople(touches.people());
        gap.setScenicSpots(touches.scenicSpots().toArray(new String[0]));
        gap.setRoadKm(touches.roadKm());
        gap.setAccessPoints(touches.accessPoints());
        gap.setPriority(priority.of(region, touches));
        gap.setGeometry(GeoJson.toText(region.geometry()));
        gap.setConfidence(region.confidence().value());
        gap.setQValue(region.qValue());
        gap.setUpdatedAt(now);
    }

    /** The active regions of {@code operator} (every operator when empty), most urgent first. */
    public List<Gap> list(Optional<String> operator) {
        var query = dsl.selectFrom(COVERAGE_GAP).where(COVERAGE_GAP.ACTIVE.isTrue());
        if (operator.isPresent()) {
            query = query.and(COVERAGE_GAP.OPERATOR.eq(operator.get()));
        }
        Map<Long, List<Long>> cells = new HashMap<>();
        List<CoverageGapRecord> rows = query.orderBy(COVERAGE_GAP.PRIORITY.desc(), COVERAGE_GAP.OBSERVATIONS.desc(), COVERAGE_GAP.ID).fetch();
        dsl.selectFrom(COVERAGE_GAP_CELL).where(COVERAGE_GAP_CELL.GAP_ID.in(rows.stream().map(CoverageGapRecord::getId).toList()))
                .orderBy(COVERAGE_GAP_CELL.H3_R8)
                .forEach(r -> cells.computeIfAbsent(r.getGapId(), k -> new ArrayList<>()).add(r.getH3R8()));
        return rows.stream().map(r -> gap(r, cells.getOrDefault(r.getId(), List.of()))).toList();
    }

    public Optional<Gap> find(long id) {
        return dsl.selectFrom(COVERAGE_GAP).where(COVERAGE_GAP.ID.eq(id)).fetchOptional()
                .map(r -> gap(r, dsl.select(COVERAGE_GAP_CELL.H3_R8).from(COVERAGE_GAP_CELL)
                        .where(COVERAGE_GAP_CELL.GAP_ID.eq(id)).orderBy(COVERAGE_GAP_CELL.H3_R8).fetch(COVERAGE_GAP_CELL.H3_R8)));
    }

    /** A planner's decision on a gap; {@code dismissed} needs a note saying why. */
    public Gap mark(long id, GapStatus status, String note, String actor) {
        if (status == GapStatus.DISMISSED && (note == null || note.isBlank())) {
            throw new DecisionRefused(DecisionRefused.Refusal.DISMISS_WITHOUT_NOTE);
        }
        if (note != null && note.length() > NOTE_LIMIT) {
            throw new DecisionRefused(DecisionRefused.Refusal.NOTE_TOO_LONG);
        }
        dsl.transaction(c -> {
            String before = c.dsl().select(COVERAGE_GAP.STATUS).from(COVERAGE_GAP).where(COVERAGE_GAP.ID.eq(id)).forUpdate()
                    .fetchOptional(COVERAGE_GAP.STATUS).orElseThrow(() -> new NoSuchGapException(id));
            c.dsl().update(COVERAGE_GAP).set(COVERAGE_GAP.STATUS, status.value()).set(COVERAGE_GAP.NOTE, note)
                    .set(COVERAGE_GAP.REAPPEARED, false).where(COVERAGE_GAP.ID.eq(id)).execute();
            Map<String, Object> details = new HashMap<>();
            details.put("from", before);
            details.put("status", status.value());
            details.put("note", note == null ? "" : note);
            AuditLog.record(c.dsl(), actor, "gap.mark", Long.toString(id), details);
        });
        return find(id).orElseThrow(() -> new NoSuchGapException(id));
    }

    /**
     * Where no operator covers: res-8 cells that are a gap for at least one operator and covered for none;
     * with {@code withoutWifi}, only where no Steppe AP is within reach either. Computed on request.
     */
    public List<Gap> withoutAnyOperator(boolean withoutWifi) {
        Map<Long, List<GapCell>> gaps = new HashMap<>();
        for (GapCell c : gapCells(org.jooq.impl.DSL.trueCondition())) {
            gaps.computeIfAbsent(c.h3(), k -> new ArrayList<>()).add(c);
        }
        Set<Long> covered = new HashSet<>(dsl.select(COVERAGE_CELL.H3).from(COVERAGE_CELL)
                .where(COVERAGE_CELL.RESOLUTION.eq((short) H3Grid.DECISION), COVERAGE_CELL.STATUS.eq(CellStatus.COVERED.value()))
                .fetch(COVERAGE_CELL.H3));
        PlaceLayer places = PlaceLayer.load(dsl, config.ranking());
        List<GapCell> cells = new ArrayList<>();
        for (Map.Entry<Long, List<GapCell>> e : gaps.entrySet()) {
            if (covered.contains(e.getKey())) {
                continue;
            }
            if (withoutWifi && places.touches(builder.hexagon(e.getKey())).accessPoints() > 0) {
                continue;
            }
            cells.add(merge(e.getKey(), e.getValue()));
        }
        List<Gap> out = new ArrayList<>();
        for (Region region : builder.regions(cells)) {
            PlaceLayer.Touches t = places.touches(region.geometry());
            out.add(new Gap(0, "all", GapStatus.NEW.value(), null, false, region.severity().value(), region.cells().size(),
                    region.areaKm2(), region.samples(), region.observations(), region.medianRsrp(), t.villages(), t.people(),
                    t.scenicSpots(), t.roadKm(), t.accessPoints(), priority.of(region, t), region.geometry(), region.cells(),
                    region.confidence().value(), region.qValue()));
        }
        out.sort(Comparator.comparingDouble(Gap::priority).reversed().thenComparing(Comparator.comparingInt(Gap::observations).reversed()));
        return out;
    }

    private static GapCell merge(long h3, List<GapCell> perOperator) {
        Severity severity = perOperator.stream().allMatch(c -> c.severity() == Severity.NONE) ? Severity.NONE : Severity.POOR;
        Short median = perOperator.stream().map(GapCell::medianRsrp).filter(java.util.Objects::nonNull).max(Short::compare).orElse(null);
        return new GapCell(h3, severity, perOperator.stream().mapToLong(GapCell::samples).sum(),
                perOperator.stream().mapToInt(GapCell::observations).min().orElse(0), median,
                perOperator.stream().mapToDouble(GapCell::qValue).min().orElse(1), perOperator.stream().anyMatch(GapCell::discovery));
    }

    private Collection<GapCell> gapCells(org.jooq.Condition operator) {
        double rate = config.evidence().falseDiscoveryRate();
        return dsl.select(COVERAGE_CELL.H3, COVERAGE_CELL.SEVERITY, COVERAGE_CELL.SAMPLES, COVERAGE_CELL.OBSERVATIONS,
                        COVERAGE_CELL.MEDIAN_RSRP, COVERAGE_CELL.Q_VALUE).from(COVERAGE_CELL)
                .where(operator, COVERAGE_CELL.RESOLUTION.eq((short) H3Grid.DECISION), COVERAGE_CELL.STATUS.eq(CellStatus.GAP.value()))
                .orderBy(COVERAGE_CELL.H3)
                .fetch(r -> {
                    double q = r.value6() == null ? 1 : r.value6();
                    return new GapCell(r.value1(), Severity.parse(r.value2()), r.value3(), r.value4(), r.value5(), q, q <= rate);
                });
    }

    private static Gap gap(CoverageGapRecord r, List<Long> cells) {
        return new Gap(r.getId(), r.getOperator(), r.getStatus(), r.getNote(), r.getReappeared(), r.getSeverity(), r.getCells(),
                r.getAreaKm2(), r.getSamples(), r.getObservations(), r.getMedianRsrp(), Arrays.asList(r.getVillages()), r.getPeople(),
                Arrays.asList(r.getScenicSpots()), r.getRoadKm(), r.getAccessPoints(), r.getPriority(),
                GeoJson.fromText(r.getGeometry(), FACTORY), cells, r.getConfidence(), r.getQValue() == null ? 1 : r.getQValue());
    }
}
