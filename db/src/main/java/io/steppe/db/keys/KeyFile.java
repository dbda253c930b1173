package io.steppe.db.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret kept in a file of {@code $STEPPE_HOME/keys}, apart from the database, so that a stolen dump or
 * backup of the database alone reveals nothing it protects. Made with random octets on first use, readable by
 * the owner only, in a directory only the owner may enter. Every node of one city needs the same files.
 */
public final class KeyFile {

    private KeyFile() {
    }

    /** The directory of key files under Steppe's home. */
    public static Path directory(Path home) {
        return home.resolve("keys");
    }

    /**
     * The file's octets, creating it with {@code octets} random ones when it does not exist.
     *
     * @throws IllegalStateException when the file holds fewer than {@code octets} octets
     * @throws UncheckedIOException  when it can be neither read nor created
     */
    public static byte[] loadOrCreate(Path file, int octets, SecureRandom random) {
        byte[] fresh = new byte[octets];
        random.nextBytes(fresh);
        return loadOrCreate(file, fresh, octets);
    }

    /**
     * A password kept as text (URL-safe Base64 of 32 random octets, so it needs no quoting anywhere), made on
     * first use; an operator can read it to connect with {@code psql}.
     */
    public static String password(Path file, SecureRandom random) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        byte[] text = Base64.getUrlEncoder().withoutPadding().encode(fresh);
        return new String(loadOrCreate(file, text, 32), StandardCharsets.US_ASCII).trim();
    }

    private static byte[] loadOrCreate(Path file, byte[] fresh, int octets) {
        try {
            if (!Files.exists(file)) {
                create(file, fresh);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length < octets) {
                throw new IllegalStateException(file + " holds " + key.length + " octets; it needs " + octets);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new owner-only file; when another process made it first, that one is kept (every process must
     * end up with the same key).
     */
    private static void create(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(partial, content, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                // a hard link fails when the name exists, unlike a rename, so a key made by a concurrent start wins
                Files.createLink(file, partial);
            } catch (FileAlreadyExistsException e) {
                // made by a concurrent start: use that one
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
