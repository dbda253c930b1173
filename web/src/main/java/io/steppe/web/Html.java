package io.steppe.web;

/**
 * Text made safe in HTML and SVG, in element content and in quoted attributes. Pages are templates, whose text
 * {@link Templates} escapes through this one place; the gap map's SVG, drawn by Java for files and pages alike,
 * escapes through it too.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
