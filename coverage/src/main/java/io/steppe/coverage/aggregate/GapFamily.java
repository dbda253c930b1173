package io.steppe.coverage.aggregate;

import static io.steppe.db.schema.Tables.COVERAGE_CELL;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Applies {@link FamilyCorrection} to the stored cells of one operator and resolution: reads the cells with small
 * p-values and the size of the family, and writes the statuses and q-values that changed. A cell's own judgement
 * (p-value, candidate) is stored when it is recomputed; whether it is a gap also depends on the rest of the family,
 * so it is settled here, after every change, in the same transaction.
 */
final class GapFamily {

    private final CoverageConfig.Evidence rules;
    private final H3Grid grid;
    private final FamilyCorrection correction;

    GapFamily(CoverageConfig.Evidence rules, H3Grid grid) {
        this.rules = rules;
        this.grid = grid;
        this.correction = new FamilyCorrection(rules.falseDiscoveryRate());
    }

    /** Settles the stored family; returns the cells whose status changed. */
    Set<Long> settle(DSLContext tx, String operator, int resolution) {
        var c = COVERAGE_CELL;
        var family = c.OPERATOR.eq(operator).and(c.RESOLUTION.eq((short) resolution));
        long size = tx.fetchCount(c, family.and(c.P_VALUE.isNotNull()));
        List<CoverageCellRecord> tested = tx.selectFrom(c).where(family, c.P_VALUE.le(Math.max(rules.alpha(), rules.falseDiscoveryRate())))
                .fetch();
        Map<Long, String> statusWas = new HashMap<>();
        Map<Long, Double> qWas = new HashMap<>();
        tested.forEach(r -> {
            statusWas.put(r.getH3(), r.getStatus());
            qWas.put(r.getH3(), r.getQValue());
        });
        Set<Long> changed = apply(tested, size);
        List<Query> writes = new ArrayList<>();
        for (CoverageCellRecord r : tested) {
            if (changed.contains(r.getH3()) || !Objects.equals(qWas.get(r.getH3()), r.getQValue())) {
                writes.add(tx.update(c).set(c.STATUS, r.getStatus()).set(c.SEVERITY, r.getSeverity()).set(c.Q_VALUE, r.getQValue())
                        .where(family, c.H3.eq(r.getH3())));
            }
        }
        if (!writes.isEmpty()) {
            tx.batch(writes).execute();
        }
        return changed;
    }

    /** Settles a family judged but not stored (say one period's cells); every cell of the family is in {@code cells}. */
    void settle(List<CoverageCellRecord> cells) {
        apply(cells.stream().filter(r -> r.getPValue() != null).toList(), cells.stream().filter(r -> r.getPValue() != null).count());
    }

    /**
     * Sets the status, severity and q-value of {@code tested} (cells of one family with p-values, at least those
     * small enough to matter) from the family's verdict; returns the cells whose status changed.
     */
    private Set<Long> apply(List<CoverageCellRecord> tested, long familySize) {
        Map<Long, CoverageCellRecord> byId = new HashMap<>();
        List<FamilyCorrection.Tested> family = new ArrayList<>();
        double relevant = Math.max(rules.alpha(), rules.falseDiscoveryRate());
        for (CoverageCellRecord r : tested) {
            if (r.getPValue() <= relevant) {
                byId.put(r.getH3(), r);
                family.add(new FamilyCorrection.Tested(r.getH3(), r.getPValue(), r.getCandidate()));
            }
        }
        Set<Long> changed = new HashSet<>();
        for (FamilyCorrection.Outcome o : correction.judge(family, familySize, grid::disk)) {
            CoverageCellRecord r = byId.get(o.h3());
            r.setQValue(o.qValue());
            if (o.candidate()) {
                boolean gap = o.standing() != FamilyCorrection.Standing.REFUSED;
                String status = (gap ? CellStatus.GAP : CellStatus.UNCERTAIN).value();
                if (!status.equals(r.getStatus())) {
                    changed.add(o.h3());
                }
                r.setStatus(status);
                // the class of the median observation is none exactly when more than half of them are
                r.setSeverity(gap ? (r.getNone() * 2 > r.getObservations() ? Severity.NONE : Severity.POOR).value() : null);
            }
        }
        return changed;
    }
}
