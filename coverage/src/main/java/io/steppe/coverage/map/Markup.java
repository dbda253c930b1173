package io.steppe.coverage.map;

/** Text made safe inside HTML and SVG, in element content and in quoted attributes. */
public final class Markup {

    private Markup() {
    }

    public static String escape(String text) {
        return io.steppe.web.Html.escape(text);
    }
}
