package io.steppe.coverage.web;

import io.steppe.coverage.aggregate.CellStatus;
import io.steppe.coverage.aggregate.Severity;
import io.steppe.coverage.gap.Confidence;
import io.steppe.coverage.gap.GapStatus;
import io.steppe.coverage.map.GapMap;
import io.steppe.coverage.sample.Carrier;
import io.steppe.web.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The planners' words for what the coverage data holds as codes: an operator's name, a gap's severity and status,
 * a map's title and legend, in the reader's language. The codes themselves ({@code 46000}, {@code none},
 * {@code confirmed}) stay what the API and the exports carry.
 */
record PlannerWords(Texts t) {

    /** {@code 46000 China Mobile}, or the bare code of a network outside mainland China. */
    String operator(String mccMnc) {
        return Carrier.of(mccMnc).map(c -> mccMnc + " " + t.of(c)).orElse(mccMnc);
    }

    /** The carrier's name alone, or nothing. */
    Optional<String> carrier(String mccMnc) {
        return Carrier.of(mccMnc).map(t::of);
    }

    String severity(String code) {
        return t.of(Severity.parse(code));
    }

    String confidence(String code) {
        return t.of(Confidence.parse(code));
    }

    String status(String code) {
        return t.of(GapStatus.parse(code));
    }

    /** A map's title: an operator's gaps, every operator's, or where none covers (and no Wi-Fi reaches). */
    String title(Optional<String> operator, boolean withoutWifi) {
        if (operator.isEmpty()) {
            return t.get("coverage.title.every");
        }
        if (operator.get().equals("all")) {
            return t.get(withoutWifi ? "coverage.title.noneNorWifi" : "coverage.title.none");
        }
        return t.get("coverage.title.operator", operator(operator.get()));
    }

    GapMap.Legend legend() {
        return new GapMap.Legend(t.get("coverage.legend.noService"), t.get("coverage.legend.poor"), t.of(CellStatus.COVERED),
                t.of(CellStatus.UNCERTAIN), t.of(CellStatus.UNMEASURED));
    }

    /** Names in a list, or the word for none. */
    String list(List<String> names) {
        return names.isEmpty() ? t.get("coverage.gap.nothing") : String.join(t.get("coverage.gap.list"), names);
    }

    /** At most two decimals, no trailing zeros. */
    static String figure(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}
