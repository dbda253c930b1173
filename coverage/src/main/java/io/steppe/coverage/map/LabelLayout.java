package io.steppe.coverage.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a map's labels go so that none covers another: each label, most important first, takes the first spot beside
 * its point whose box overlaps no label placed before it, or is left out. Greedy, as most map renderers do for point
 * labels; boxes are estimated from the text (a Chinese character is about as wide as the font is high, a Latin one
 * about 0.6 of it), since the server has no font metrics of the reader's browser.
 */
final class LabelLayout {

    /** A label's spot: its text's baseline start, and the box it takes. */
    record Spot(double x, double y, double left, double top, double right, double bottom) {

        boolean overlaps(Spot o) {
            return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
        }
    }

    private final double width;
    private final double height;
    private final List<Spot> taken = new ArrayList<>();

    LabelLayout(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** Keeps a box free of labels, such as the title's or the legend's. */
    void reserve(double left, double top, double right, double bottom) {
        taken.add(new Spot(left, top, left, top, right, bottom));
    }

    /** A spot for {@code text} centred on the point, else beside it; empty when every spot is taken or off the map. */
    Optional<Spot> centred(double x, double y, String text, int size) {
        double w = textWidth(text, size);
        return first(text, size, new double[][] {{x - w / 2, y + size * 0.35}, {x + 6, y + size * 0.35}, {x - 6 - w, y + size * 0.35},
                {x - w / 2, y - 6}, {x - w / 2, y + 6 + size * 0.8}});
    }

    /** A spot for {@code text} beside a point marked with a dot: right, left, above or below it. */
    Optional<Spot> beside(double x, double y, String text, int size) {
        double w = textWidth(text, size);
        return first(text, size, new double[][] {{x + 5, y + size * 0.35}, {x - 5 - w, y + size * 0.35}, {x - w / 2, y - 5},
                {x - w / 2, y + 5 + size * 0.8}});
    }

    private Optional<Spot> first(String text, int size, double[][] baselines) {
        double w = textWidth(text, size);
        for (double[] b : baselines) {
            Spot s = new Spot(b[0], b[1], b[0], b[1] - size * 0.8, b[0] + w, b[1] + size * 0.25);
            if (s.left >= 0 && s.top >= 0 && s.right <= width && s.bottom <= height && taken.stream().noneMatch(s::overlaps)) {
                taken.add(s);
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static double textWidth(String text, int size) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) >= '\u2e80' ? size : size * 0.6;
        }
        return w;
    }
}
