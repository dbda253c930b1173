package io.steppe.coverage.map;

import java.util.Locale;

/** Draws the map as SVG elements; each element carries its layer as a class, so a page can hide layers with CSS. */
final class SvgCanvas implements Canvas {

    private final StringBuilder out = new StringBuilder(1 << 16);

    SvgCanvas(int width, int height, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Markup.escape(title)).append("\" id=\"gap-map\">")
                .append("<title>").append(Markup.escape(title)).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#f3f1ea\"/>");
    }

    @Override
    public void polygon(double[][] rings, String fill, double fillOpacity, String stroke, double strokeWidth, String layer) {
        out.append("<path class=\"").append(layer).append("\" fill-rule=\"evenodd\" d=\"");
        for (double[] ring : rings) {
            for (int i = 0; i < ring.length; i += 2) {
                out.append(i == 0 ? 'M' : 'L').append(num(ring[i])).append(' ').append(num(ring[i + 1]));
            }
            out.append('Z');
        }
        out.append("\" fill=\"").append(fill).append("\" fill-opacity=\"").append(num(fillOpacity)).append("\" stroke=\"")
                .append(stroke).append("\" stroke-width=\"").append(num(strokeWidth)).append("\"/>");
    }

    @Override
    public void polyline(double[] xy, String stroke, double width, String layer) {
        out.append("<polyline class=\"").append(layer).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(num(width)).append("\" points=\"");
        for (int i = 0; i < xy.length; i += 2) {
            out.append(num(xy[i])).append(',').append(num(xy[i + 1])).append(' ');
        }
        out.append("\"/>");
    }

    @Override
    public void circle(double x, double y, double r, String fill, String layer) {
        out.append("<circle class=\"").append(layer).append("\" cx=\"").append(num(x)).append("\" cy=\"").append(num(y))
                .append("\" r=\"").append(num(r)).append("\" fill=\"").append(fill).append("\" stroke=\"#fff\"/>");
    }

    @Override
    public void text(double x, double y, String text, int size, String colour, String layer) {
        out.append("<text class=\"").append(layer).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" font-family=\"sans-serif\" font-size=\"").append(size).append("\" fill=\"").append(colour).append("\">")
                .append(Markup.escape(text)).append("</text>");
    }

    String finish() {
        return out.append("</svg>").toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
