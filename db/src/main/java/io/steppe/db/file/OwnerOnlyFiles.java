package io.steppe.db.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that only their owner may read: exports of personal data, import reports (which quote uploaded rows) and
 * gap maps. Each is created {@code 0600} from the start, never created readable and narrowed afterwards, so no
 * other local account can open it in between; a file that already exists is narrowed before it is rewritten.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** Opens {@code file} for writing from its start, owner-only; {@code exclusive} refuses a file that exists. */
    public static OutputStream newOutputStream(Path file, boolean exclusive) throws IOException {
        if (exclusive) {
            Files.createFile(file, attribute(FILE));
        } else {
            try {
                Files.createFile(file, attribute(FILE));
            } catch (FileAlreadyExistsException e) {
                narrow(file, FILE);
            }
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** {@link #newOutputStream} as UTF-8 text. */
    public static Writer newWriter(Path file, boolean exclusive) throws IOException {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(newOutputStream(file, exclusive), StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code file}, owner-only, replacing what it held. */
    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = newOutputStream(file, false)) {
            out.write(bytes);
        }
    }

    /** Creates {@code dir} and its missing parents; the directory itself is made owner-only. */
    public static void createDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, attribute(DIRECTORY));
                return;
            } catch (FileAlreadyExistsException e) {
                // made by another process in between; narrowed below
            }
        }
        narrow(dir, DIRECTORY);
    }

    private static FileAttribute<?>[] attribute(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static void narrow(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
