package io.steppe.coverage.aggregate;

/**
 * One res-8 cell judged on two periods' evidence. {@link #direction()} is +1 when it got better (gap to
 * uncertain or covered, uncertain to covered), −1 when worse, 0 when the same or when either period could not
 * judge it ({@code unmeasured}).
 */
public record CellChange(long h3, CellStatus before, CellStatus after, int badBefore, int observationsBefore,
                         int badAfter, int observationsAfter) {

    public int direction() {
        if (before == CellStatus.UNMEASURED || after == CellStatus.UNMEASURED) {
            return 0;
        }
        return Integer.compare(rank(after), rank(before));
    }

    private static int rank(CellStatus s) {
        return switch (s) {
            case GAP -> 0;
            case UNCERTAIN -> 1;
            default -> 2;
        };
    }
}
