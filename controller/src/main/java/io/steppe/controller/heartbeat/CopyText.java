package io.steppe.controller.heartbeat;

import java.time.Instant;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes in text. */
final class CopyText {

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
                default -> out.append(c);
            }
        }
    }
}
