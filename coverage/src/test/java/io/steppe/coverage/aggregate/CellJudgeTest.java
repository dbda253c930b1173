package io.steppe.coverage.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.SampleClass;
import org.junit.jupiter.api.Test;

class CellJudgeTest {

    final CellJudge judge = new CellJudge(CoverageConfig.defaults().evidence());

    @Test
    void criticalValuesMatchTheExactBinomialTable() {
        // docs/coverage-method.md §2.5, the "3 of 5, 4 of 10, 5 of 20, 16 of 100"
        int[][] table = {{5, 3}, {10, 4}, {15, 5}, {20, 5}, {25, 6}, {30, 7}, {40, 8}, {50, 10}, {75, 13}, {100, 16}, {200, 28}};
        for (int[] row : table) {
            assertEquals(row[1], judge.criticalValue(row[0]), "k(" + row[0] + ")");
        }
    }

    @Test
    void wilsonUpperBoundsMatchTheReference() {
        assertEquals(0.299, judge.wilsonUpper(0, 9), 0.0005);
        assertEquals(0.324, judge.wilsonUpper(0, 8), 0.0005);
        assertEquals(0.298, judge.wilsonUpper(1, 15), 0.0005);
        assertEquals(0.315, judge.wilsonUpper(1, 14), 0.0005);
        assertEquals(0.297, judge.wilsonUpper(4, 30), 0.0005);
        assertEquals(0.336, judge.wilsonUpper(5, 30), 0.0005);
    }

    @Test
    void tooLittleEvidenceIsUnmeasured() {
        assertEquals(CellStatus.UNMEASURED, status(4, 4, 2, 5, 2));   // 4 observations
        assertEquals(CellStatus.UNMEASURED, status(9, 9, 1, 5, 3));   // one device
        assertEquals(CellStatus.UNMEASURED, status(9, 9, 2, 3, 3));   // 3 hours
        assertEquals(CellStatus.GAP, status(5, 3, 2, 4, 2));          // just enough
    }

    @Test
    void gapCoveredAndUncertainFollowTheTests() {
        assertEquals(CellStatus.GAP, status(10, 4, 3, 24, 2));
        assertEquals(CellStatus.UNCERTAIN, status(10, 3, 3, 24, 2)); // 3 of 10 proves nothing either way
        assertEquals(CellStatus.UNCERTAIN, status(10, 4, 3, 24, 1)); // bad evidence in one res-9 child only
        assertEquals(CellStatus.COVERED, status(9, 0, 2, 24, 0));
        assertEquals(CellStatus.UNCERTAIN, status(8, 0, 2, 24, 0));  // clean, but 8 is too few to prove it
        assertEquals(CellStatus.COVERED, status(15, 1, 2, 24, 1));
        assertEquals(CellStatus.UNCERTAIN, status(14, 1, 2, 24, 1));
    }

    @Test
    void severityIsNoneWhenTheMedianObservationHadNoService() {
        assertEquals(Severity.NONE, judge.judge(new CellEvidence(6, 6, 2, 5, 3, SampleClass.NONE)).severity());
        assertEquals(Severity.POOR, judge.judge(new CellEvidence(6, 4, 2, 5, 3, SampleClass.POOR)).severity());
        assertTrue(judge.judge(new CellEvidence(9, 0, 2, 5, 0, SampleClass.GOOD)).severity() == null);
    }

    private CellStatus status(int n, int bad, int devices, long hours, int badChildren) {
        return judge.judge(new CellEvidence(n, bad, devices, hours, badChildren, bad * 2 > n ? SampleClass.POOR : SampleClass.GOOD)).status();
    }
}
