package io.steppe.coverage.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The report of one import: one CSV line per rejected or warned row, {@code line,outcome,reason}. */
final class ImportReport implements AutoCloseable {

    private final Path path;
    private final BufferedWriter out;

    ImportReport(Path path) {
        this.path = path;
        try {
            Files.createDirectories(path.getParent());
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
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
            out.write(Long.toString(line));
            out.write(',');
            out.write(outcome);
            out.write(",\"");
            out.write(reason.replace("\"", "\"\""));
            out.write("\"\n");
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
