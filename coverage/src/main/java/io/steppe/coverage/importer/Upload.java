package io.steppe.coverage.importer;

import io.steppe.coverage.sample.CsvLine;
import io.steppe.coverage.sample.RowOutcome;
import io.steppe.coverage.sample.SampleFormat;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * The rows of one upload, read one at a time (a ten-million-row file never sits in memory) by the format its
 * header names, and numbered as the uploader numbers them: a CSV by its lines, header included; JSON lines by
 * theirs, since the header they are given is not in the upload. Blank lines count but are no rows.
 */
final class Upload {

    private static final String JSON_LINES = "json-lines";

    private final BufferedReader reader;
    private final CsvLine csv;
    private final SampleFormat format;
    private final String formatName;
    private long line;

    private Upload(InputStream in, long headerLine, String trace, ZoneId zone, String jsonLines) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String header = readLine();
        if (header == null) {
            throw new IllegalArgumentException("the file is empty: a header row is required");
        }
        this.csv = CsvLine.forHeader(header);
        this.format = SampleFormat.detect(csv.split(header), trace, zone);
        this.formatName = jsonLines == null ? format.name() : jsonLines;
        this.line = headerLine;
    }

    /**
     * The contract CSV or a G-NetTrack Pro log, told apart by the header, which is read here.
     *
     * @param trace the device of rows that name none
     * @param zone  the local time of logs whose timestamps carry no offset
     */
    static Upload csv(InputStream in, String trace, ZoneId zone) {
        return new Upload(in, 1, trace, zone, null);
    }

    /**
     * JSON lines when the upload's first character (after a byte-order mark and white space) opens an object, else
     * the contract CSV or a G-NetTrack Pro log: a file or an upload labelled as text is read as what it holds.
     */
    static Upload detect(InputStream in, String trace, ZoneId zone) {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(1 << 16);
        try {
            int b;
            int read = 0;
            do {
                b = buffered.read();
                read++;
            } while (read < (1 << 16) && (b == 0xEF || b == 0xBB || b == 0xBF || (b >= 0 && Character.isWhitespace(b))));
            buffered.reset();
            return b == '{' ? jsonLines(buffered, trace, zone) : csv(buffered, trace, zone);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload: " + e.getMessage(), e);
        }
    }

    /** Samples as JSON lines, one object a line with the contract CSV's fields; recorded as {@value #JSON_LINES}. */
    static Upload jsonLines(InputStream in, String trace, ZoneId zone) {
        return new Upload(JsonLines.asCsv(in), 0, trace, zone, JSON_LINES);
    }

    /** The name recorded with the import. */
    String formatName() {
        return formatName;
    }

    /** The next row, read; null after the last one. */
    RowOutcome next() {
        String text;
        while ((text = readLine()) != null) {
            line++;
            if (!text.isBlank()) {
                return format.read(csv.split(text));
            }
        }
        return null;
    }

    /** The line of the row {@link #next} returned last. */
    long line() {
        return line;
    }

    private String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload: " + e.getMessage(), e);
        }
    }
}
