package io.steppe.coverage.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180 quoting, comma or tab). Hand-written rather than a CSV library because the
 * importer's hot loop runs it ten million times and needs nothing but one-line records; a field with an
 * embedded line break is not supported (no drive-test app writes one).
 */
public final class CsvLine {

    private final char delimiter;

    private CsvLine(char delimiter) {
        this.delimiter = delimiter;
    }

    /** The splitter for a file whose header line is {@code header}: tab when the header has a tab, else comma. */
    public static CsvLine forHeader(String header) {
        return new CsvLine(header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',');
    }

    public String[] split(String line) {
        List<String> fields = new ArrayList<>(32);
        int n = line.length();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            value.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(c);
                    i++;
                }
                fields.add(value.toString());
                while (i < n && line.charAt(i) != delimiter) {
                    i++;
                }
            } else {
                int end = line.indexOf(delimiter, i);
                if (end < 0) {
                    end = n;
                }
                fields.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                break;
            }
            i++; // the delimiter
            if (i == n) {
                fields.add("");
                break;
            }
        }
        return fields.toArray(new String[0]);
    }
}
