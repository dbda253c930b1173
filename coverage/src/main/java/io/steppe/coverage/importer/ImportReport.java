package io.steppe.coverage.importer;

import io.steppe.db.file.OwnerOnlyFiles;
import io.steppe.db.text.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/** The report of one import: one CSV line per rejected or warned row, {@code line,outcome,reason}. */
final class ImportReport implements AutoCloseable {

    private final Path path;
    private final Writer out;

    ImportReport(Path path) {
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
            out.write(line + "," + outcome + "," + Csv.quoted(reason) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report " + path + ": " + e.getMessage(), e);
        }
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
