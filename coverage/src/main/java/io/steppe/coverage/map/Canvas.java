package io.steppe.coverage.map;

/** What the gap map draws on: SVG text or a PNG image. Coordinates are pixels; colours {@code #rrggbb}. */
interface Canvas {

    void polygon(double[][] rings, String fill, double fillOpacity, String stroke, double strokeWidth, String layer);

    void polyline(double[] xy, String stroke, double width, String layer);

    void circle(double x, double y, double r, String fill, String layer);

    void text(double x, double y, String text, int size, String colour, String layer);
}
