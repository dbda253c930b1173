package io.steppe.coverage.map;

/** Text made safe inside HTML and SVG, in element content and in quoted attributes. */
public final class Markup {

    private Markup() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
