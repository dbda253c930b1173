package io.steppe.coverage.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.coverage.CoverageConfig;
import org.junit.jupiter.api.Test;

class SampleClassifierTest {

    final SampleClassifier classifier = new SampleClassifier(CoverageConfig.defaults().signal());

    @Test
    void theRsrpLadder() {
        assertEquals(SampleClass.GOOD, lte(-95, null, null, null, null));
        assertEquals(SampleClass.FAIR, lte(-96, null, null, null, null));
        assertEquals(SampleClass.FAIR, lte(-105, null, null, null, null));
        assertEquals(SampleClass.POOR, lte(-106, null, null, null, null));
        assertEquals(SampleClass.POOR, lte(-115, null, null, null, null));
        assertEquals(SampleClass.NONE, lte(-116, null, null, null, null));
    }

    @Test
    void lowSinrOrRsrqCostsOneClass() {
        assertEquals(SampleClass.FAIR, lte(-80, null, -0.5f, null, null));
        assertEquals(SampleClass.GOOD, lte(-80, null, 0f, null, null));
        assertEquals(SampleClass.POOR, lte(-100, -15.5f, null, null, null));
        assertEquals(SampleClass.FAIR, lte(-100, -15f, null, null, null));
        assertEquals(SampleClass.NONE, lte(-120, -18f, -3f, null, null));
    }

    @Test
    void aSlowThroughputTestIsBad() {
        assertEquals(SampleClass.POOR, lte(-70, null, null, 4.9f, null));
        assertEquals(SampleClass.POOR, lte(-70, null, null, 50f, 0.9f));
        assertEquals(SampleClass.GOOD, lte(-70, null, null, 5f, 1f));
    }

    @Test
    void noServiceAndNo4gAreNone() {
        assertEquals(SampleClass.NONE, classifier.classify(new Sample(0, 41, 113, "46000", Rat.NONE, null, null, null, null, null, "d")));
        assertEquals(SampleClass.NONE, classifier.classify(new Sample(0, 41, 113, "46000", Rat.UMTS, null, null, null, null, null, "d")));
    }

    private SampleClass lte(int rsrp, Float rsrq, Float sinr, Float dl, Float ul) {
        return classifier.classify(new Sample(0, 41, 113, "46000", Rat.LTE, rsrp, rsrq, sinr, dl, ul, "d"));
    }
}
