package io.steppe.coverage.sample;

import io.steppe.coverage.CoverageConfig;

/** Classes a sample on the ladder of {@link CoverageConfig.Signal}. */
public final class SampleClassifier {

    private final CoverageConfig.Signal signal;

    public SampleClassifier(CoverageConfig.Signal signal) {
        this.signal = signal;
    }

    public SampleClass classify(Sample s) {
        // 2G/3G at a spot is a phone that found no 4G there: for a 4G map that is no service.
        if (!s.rat().needsRsrp() || s.rsrp() == null) {
            return SampleClass.NONE;
        }
        int rsrp = s.rsrp();
        SampleClass c = rsrp >= signal.goodRsrp() ? SampleClass.GOOD
                : rsrp >= signal.fairRsrp() ? SampleClass.FAIR
                : rsrp >= signal.poorRsrp() ? SampleClass.POOR
                : SampleClass.NONE;
        if ((s.sinr() != null && s.sinr() < signal.minSinr()) || (s.rsrq() != null && s.rsrq() < signal.minRsrq())) {
            c = c.worse();
        }
        boolean slow = (s.downMbps() != null && s.downMbps() < signal.minDownMbps())
                || (s.upMbps() != null && s.upMbps() < signal.minUpMbps());
        if (slow && !c.bad()) {
            c = SampleClass.POOR;
        }
        return c;
    }
}
