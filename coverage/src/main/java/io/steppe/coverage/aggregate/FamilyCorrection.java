package io.steppe.coverage.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Judges an operator's cells of one resolution as a family (docs/coverage-method.md §2.5). Tested one by one at
 * α = 0.05, thousands of cells whose true bad share is a few per cent give dozens of false gaps by chance alone.
 * Here a cell that passed its own test is a gap only when it also survives the Benjamini–Hochberg procedure at
 * the false discovery rate q over all the family's tested cells ({@link Standing#DISCOVERY}), or when it lies
 * beside such a cell ({@link Standing#SUPPORTED}): a neighbour's proof carries the edge of a real gap, never a
 * gap of its own. Everything else that passed its own test stays {@link Standing#REFUSED}, i.e. uncertain.
 */
public final class FamilyCorrection {

    /** What the family says of one cell that passed its own test. */
    public enum Standing {
        DISCOVERY, SUPPORTED, REFUSED
    }

    /**
     * One tested cell of the family with a small p-value.
     *
     * @param candidate whether it passed its own test (bad share and spread)
     */
    public record Tested(long h3, double pValue, boolean candidate) {
    }

    /**
     * The outcome for one cell.
     *
     * @param qValue the Benjamini–Hochberg adjusted p-value: the smallest false discovery rate at which it survives
     */
    public record Outcome(long h3, boolean candidate, Standing standing, double qValue) {
    }

    private final double rate;

    /** @param rate the false discovery rate q */
    public FamilyCorrection(double rate) {
        this.rate = rate;
    }

    /**
     * Judges the family.
     *
     * @param tested     every tested cell whose p-value is at most the larger of q and the per-cell α (the others
     *                   can neither survive the procedure nor be a candidate; they count only in {@code familySize})
     * @param familySize how many cells of the family were tested
     * @param neighbours the ring-1 neighbours of a cell
     */
    public List<Outcome> judge(List<Tested> tested, long familySize, LongFunction<List<Long>> neighbours) {
        List<Tested> sorted = new ArrayList<>(tested);
        sorted.sort(Comparator.comparingDouble(Tested::pValue));
        int k = sorted.size();
        double[] q = new double[k];
        double running = 1;
        // q_(i) = min over j ≥ i of p_(j)·m/j; the cells not loaded all have p > q, so they cannot lower it below q
        for (int i = k - 1; i >= 0; i--) {
            running = Math.min(running, sorted.get(i).pValue() * familySize / (i + 1));
            q[i] = running;
        }
        Map<Long, Standing> standing = new HashMap<>();
        for (int i = 0; i < k; i++) {
            Tested t = sorted.get(i);
            if (t.candidate()) {
                standing.put(t.h3(), q[i] <= rate ? Standing.DISCOVERY : Standing.REFUSED);
            }
        }
        List<Outcome> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Tested t = sorted.get(i);
            Standing s = standing.get(t.h3());
            if (s == Standing.REFUSED && neighbours.apply(t.h3()).stream()
                    .anyMatch(n -> n != t.h3() && standing.get(n) == Standing.DISCOVERY)) {
                s = Standing.SUPPORTED;
            }
            out.add(new Outcome(t.h3(), t.candidate(), s, q[i]));
        }
        return out;
    }
}
