package io.steppe.coverage.aggregate;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.coverage.sample.SampleClass;
import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Res-7 overview cells rolled up from their res-8 children instead of from the observations again (the
 * reference method's FCC-style roll-up): a parent is a gap when at least {@code minGapChildren} of its children
 * are; otherwise it is judged covered, uncertain or unmeasured on its children's summed counts. Devices are the
 * most any child saw (devices cannot be summed), the median RSRP the median of the children's.
 */
final class ParentRollup {

    private final H3Grid grid;
    private final CoverageConfig.Evidence rules;
    private final CellJudge judge;

    ParentRollup(H3Grid grid, CoverageConfig.Evidence rules, CellJudge judge) {
        this.grid = grid;
        this.rules = rules;
        this.judge = judge;
    }

    /** One res-7 cell per parent of the given res-8 cells (all of one operator, all children of those parents). */
    List<CoverageCellRecord> parents(List<CoverageCellRecord> children) {
        Map<Long, List<CoverageCellRecord>> byParent = new LinkedHashMap<>();
        for (CoverageCellRecord c : children) {
            byParent.computeIfAbsent(grid.parent(c.getH3(), H3Grid.OVERVIEW), k -> new ArrayList<>()).add(c);
        }
        List<CoverageCellRecord> parents = new ArrayList<>(byParent.size());
        byParent.forEach((h3, cells) -> parents.add(parent(h3, cells)));
        return parents;
    }

    private CoverageCellRecord parent(long h3, List<CoverageCellRecord> cells) {
        CoverageCellRecord p = new CoverageCellRecord();
        p.setOperator(cells.get(0).getOperator());
        p.setResolution((short) H3Grid.OVERVIEW);
        p.setH3(h3);
        p.setObservations(cells.stream().mapToInt(CoverageCellRecord::getObservations).sum());
        p.setBad(cells.stream().mapToInt(CoverageCellRecord::getBad).sum());
        p.setDevices(cells.stream().mapToInt(CoverageCellRecord::getDevices).max().orElse(0));
        p.setSamples(cells.stream().mapToLong(CoverageCellRecord::getSamples).sum());
        p.setFirstSeen(cells.stream().map(CoverageCellRecord::getFirstSeen).min(Comparator.naturalOrder()).orElseThrow());
        p.setLastSeen(cells.stream().map(CoverageCellRecord::getLastSeen).max(Comparator.naturalOrder()).orElseThrow());
        p.setMedianRsrp(median(cells.stream().map(CoverageCellRecord::getMedianRsrp).filter(Objects::nonNull).sorted().toList()));
        p.setP10Rsrp(cells.stream().map(CoverageCellRecord::getP10Rsrp).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null));
        p.setGood(cells.stream().mapToInt(CoverageCellRecord::getGood).sum());
        p.setFair(cells.stream().mapToInt(CoverageCellRecord::getFair).sum());
        p.setPoor(cells.stream().mapToInt(CoverageCellRecord::getPoor).sum());
        p.setNone(cells.stream().mapToInt(CoverageCellRecord::getNone).sum());
        List<CoverageCellRecord> gaps = cells.stream().filter(c -> CellStatus.GAP.value().equals(c.getStatus())).toList();
        if (gaps.size() >= rules.minGapChildren()) {
            long none = gaps.stream().filter(c -> Severity.NONE.value().equals(c.getSeverity())).count();
            p.setStatus(CellStatus.GAP.value());
            p.setSeverity(none * 2 > gaps.size() ? Severity.NONE.value() : Severity.POOR.value());
            return p;
        }
        SampleClass medianClass = p.getNone() * 2 > p.getObservations() ? SampleClass.NONE : SampleClass.POOR;
        CellJudge.Verdict v = judge.judge(new CellEvidence(p.getObservations(), p.getBad(), p.getDevices(),
                Duration.between(p.getFirstSeen(), p.getLastSeen()).toHours(), 0, medianClass));
        // its children decide whether it is a gap; the counts only whether it is proven covered, and a parent
        // with a gap child (too few for a gap) is not covered
        boolean notCovered = v.status() == CellStatus.GAP || (v.status() == CellStatus.COVERED && !gaps.isEmpty());
        p.setStatus((notCovered ? CellStatus.UNCERTAIN : v.status()).value());
        p.setSeverity(null);
        return p;
    }

    private static Short median(List<Short> sorted) {
        return sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
    }
}
