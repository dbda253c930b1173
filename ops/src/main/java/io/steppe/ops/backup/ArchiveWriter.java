package io.steppe.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The archive inside a sealed backup: a ZIP stream (ZIP64 when large) of paths relative to {@code STEPPE_HOME},
 * written as it is read so that nothing is held in memory or staged on disk.
 */
final class ArchiveWriter implements AutoCloseable {

    private final ZipOutputStream zip;
    private long files;
    private long octets;

    ArchiveWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
        // database pages compress well even at the fastest level, and a backup runs beside live traffic
        zip.setLevel(Deflater.BEST_SPEED);
    }

    void directory(String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name.endsWith("/") ? name : name + "/"));
        zip.closeEntry();
    }

    void bytes(String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        files++;
        octets += content.length;
    }

    /**
     * Copies {@code file} as it is now; one that is gone by the time it is opened (a table dropped, a temporary file
     * removed) is left out, as {@code pg_basebackup} does. Answers whether it was copied.
     */
    boolean file(String name, Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(name));
            octets += in.transferTo(zip);
            zip.closeEntry();
        }
        files++;
        return true;
    }

    long files() {
        return files;
    }

    /** Octets of the files before compression. */
    long octets() {
        return octets;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
