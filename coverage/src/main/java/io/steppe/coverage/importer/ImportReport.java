package io.steppe.coverage.importer;

import io.steppe.db.file.OwnerOnlyFiles;
import io.steppe.web.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The report of one import: one CSV line per rejected or warned row, {@code line,outcome,reason}. A reason quotes
 * the value it is about, which came from the upload: control characters are written as {@code \}{@code uXXXX} and a
 * reason is cut at {@link #REASON_SHOWN} characters, so that the report and the upload's answer stay readable.
 */
final class ImportReport implements AutoCloseable {

    static final int REASON_SHOWN = 300;

    private final Path path;
    private final Writer out;

    /** The report of import {@code importId} in {@code dir}, named after it and its source. */
    static ImportReport create(Path dir, long importId, String source) {
        return new ImportReport(dir.resolve("import-" + importId + "-" + source.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv"));
    }

    private ImportReport(Path path) {
        this.path = path;
        try {
            // the report quotes uploaded rows (device ids, places): owner-only, like every export
            OwnerOnlyFiles.createDirectory(path.getParent());
            out = OwnerOnlyFiles.newWriter(path, false);
            out.write("line,outcome,reason\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    void rejected(long line, String reason) {
        write(line, "rejected", reason);
    }

    void warned(long line, String reason) {
        write(line, "warning", reason);
    }

    private void write(long line, String outcome, String reason) {
        try {
            out.write(line + "," + outcome + "," + Csv.quoted(shown(reason)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report " + path + ": " + e.getMessage(), e);
        }
    }

    private static String shown(String reason) {
        StringBuilder out = new StringBuilder(Math.min(reason.length(), REASON_SHOWN) + 8);
        for (int i = 0; i < reason.length(); i++) {
            if (out.length() >= REASON_SHOWN) {
                return out.append('…').toString();
            }
            char c = reason.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report " + path + ": " + e.getMessage(), e);
        }
    }
}
