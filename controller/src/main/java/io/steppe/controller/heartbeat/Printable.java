package io.steppe.controller.heartbeat;

/**
 * Whether text can be stored and shown as sent. PostgreSQL refuses NUL in text, a lone surrogate cannot be encoded
 * in UTF-8, and other control characters break the logs and pages that show the value later.
 */
final class Printable {

    private Printable() {
    }

    static boolean is(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bad(text, i)) {
                return false;
            }
            if (Character.isHighSurrogate(text.charAt(i))) {
                i++;
            }
        }
        return true;
    }

    /** The text with each character that {@link #is} refuses written as {@code \}{@code uXXXX}, cut at {@code max} characters. */
    static String shown(String text, int max) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (bad(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "…" : out.toString();
    }

    /** The character at {@code i} is a control character or a surrogate without its pair. */
    private static boolean bad(String text, int i) {
        char c = text.charAt(i);
        if (Character.isISOControl(c)) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }
}
