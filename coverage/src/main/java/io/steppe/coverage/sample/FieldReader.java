package io.steppe.coverage.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the fields of one row by column: required ones throw {@link BadRow} naming the field, optional ones out
 * of range are emptied and a warning kept. Values such as {@code -}, {@code NA} or an empty cell mean absent.
 */
final class FieldReader {

    /** A required field is missing or impossible. */
    static final class BadRow extends RuntimeException {
        BadRow(String message) {
            super(message, null, false, false);
        }
    }

    private final String[] fields;
    private final List<String> warnings = new ArrayList<>(0);

    FieldReader(String[] fields) {
        this.fields = fields;
    }

    List<String> warnings() {
        return warnings;
    }

    /** The trimmed text at {@code column}, or null when absent. */
    String text(int column) {
        if (column < 0 || column >= fields.length) {
            return null;
        }
        String t = fields[column].trim();
        if (t.isEmpty() || t.equals("-") || t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("null") || t.equalsIgnoreCase("NaN")) {
            return null;
        }
        return t;
    }

    String required(int column, String name) {
        String t = text(column);
        if (t == null) {
            throw new BadRow("missing " + name);
        }
        return t;
    }

    double requiredNumber(int column, String name, double min, double max) {
        String t = required(column, name);
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadRow(name + " '" + t + "' is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw new BadRow(name + " " + t + " is outside " + fmt(min) + "…" + fmt(max));
        }
        return v;
    }

    /** An optional number in [min, max] (scaled by {@code scale}); out of range or unreadable: null and a warning. */
    Float optional(int column, String name, double min, double max, double scale) {
        String t = text(column);
        if (t == null) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(t) * scale;
        } catch (NumberFormatException e) {
            warnings.add(name + " '" + t + "' is not a number; emptied");
            return null;
        }
        if (!(v >= min && v <= max)) {
            warnings.add(name + " " + t + " is outside " + fmt(min) + "…" + fmt(max) + "; emptied");
            return null;
        }
        return (float) v;
    }

    /**
     * Optional free text, emptied with a warning when it is longer than {@code maxLength} or holds what PostgreSQL
     * refuses or a page cannot show as sent: a control character (NUL among them) or half a surrogate pair.
     */
    String optionalText(int column, String name, int maxLength) {
        String t = text(column);
        if (t == null) {
            return null;
        }
        if (t.length() > maxLength) {
            warnings.add(name + " is " + t.length() + " characters long, more than " + maxLength + "; emptied");
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                warnings.add(String.format(Locale.ROOT, "%s has the character U+%04X at position %d, which cannot be stored; emptied",
                        name, (int) c, i + 1));
                return null;
            }
        }
        return t;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
