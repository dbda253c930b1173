package io.steppe.controller.heartbeat;

import java.time.Instant;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes in text. What text
 * PostgreSQL cannot store (NUL, and a surrogate without its pair, which has no UTF-8) becomes U+FFFD: the parser
 * keeps such values out already, and one that got past it must not cost the other rows of the COPY their place.
 */
final class CopyText {

    private static final char REPLACEMENT = '\uFFFD';

    private CopyText() {
    }

    static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else if (v instanceof Number || v instanceof Instant) {
                out.append(v);
            } else {
                text(out, v.toString());
            }
        }
        out.append('\n');
    }

    private static void text(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append(REPLACEMENT);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else {
                        out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
                    }
                }
            }
        }
    }
}
