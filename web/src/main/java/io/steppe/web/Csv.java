package io.steppe.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV cells as every export and report writes them (RFC 4180 quoting), with spreadsheet formulas defused: a
 * cell that begins with {@code = + - @}, a tab or a carriage return is prefixed with {@code '}, as OWASP advises
 * against CSV injection, so that a name such as {@code =HYPERLINK(…)} coming from a client, an AP or an upload
 * is shown as text by Excel and LibreOffice instead of being run. A cell that is a plain number, such as a phone
 * number in E.164 ({@code +97699112233}) or a signal level ({@code -95}), is left as it is: a spreadsheet reads it
 * as a number and nothing else, and the prefix would only spoil the column for whoever processes it.
 */
public final class Csv {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-][0-9]{1,20}(\\.[0-9]{1,20})?");

    private Csv() {
    }

    /** One cell: neutralised, then quoted when it holds a comma, a quote or a line break. */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(text) ? "'" + text : text;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** One cell, neutralised, and quoted whatever it holds (for columns of free text that readers expect quoted). */
    public static String quoted(String text) {
        String cell = cell(text);
        return cell.startsWith("\"") ? cell : "\"" + cell + "\"";
    }

    /** One line of cells, ending in {@code \n}. */
    public static String row(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append('\n').toString();
    }

    /** {@link #row(List)} of the given cells. */
    public static String row(String... cells) {
        return row(List.of(cells));
    }

    private static boolean startsLikeFormula(String text) {
        char first = text.charAt(0);
        boolean formulaStart = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaStart && !PLAIN_NUMBER.matcher(text).matches();
    }
}
