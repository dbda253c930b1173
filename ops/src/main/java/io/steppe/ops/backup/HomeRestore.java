package io.steppe.ops.backup;

import io.steppe.db.file.OwnerOnlyFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a backup made by {@link HomeBackup} into an empty home: directories owner-only ({@code 0700}), files
 * owner-only ({@code 0600}) and synced to disk, as PostgreSQL and the key files want them. The database is made
 * consistent by the first start of PostgreSQL on it, which replays the log the backup carries.
 */
public final class HomeRestore {

    private HomeRestore() {
    }

    /** What a backup held. */
    public record Restored(Properties manifest, long files) {
        /** Whether it held the embedded database (else only the keys, next to an external PostgreSQL). */
        public boolean database() {
            return "embedded".equals(manifest.getProperty("database"));
        }
    }

    /** Unpacks the backup {@code in} into {@code home}, which must be empty; on failure the caller empties it again. */
    public static Restored unpack(InputStream in, char[] passphrase, Path home) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new SealedInputStream(in, passphrase))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !first.getName().equals(HomeBackup.MANIFEST)) {
                throw new BackupUnreadable("the backup has no manifest");
            }
            Properties manifest = new Properties();
            manifest.load(new ByteArrayInputStream(zip.readAllBytes()));
            if (!"1".equals(manifest.getProperty("format"))) {
                throw new BackupUnreadable("a backup of format " + manifest.getProperty("format") + ", which this version cannot read");
            }
            OwnerOnlyFiles.createDirectory(home);
            long files = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = inside(home, entry.getName());
                if (entry.isDirectory()) {
                    OwnerOnlyFiles.createDirectory(target);
                } else {
                    OwnerOnlyFiles.createDirectory(target.getParent());
                    try (OutputStream out = OwnerOnlyFiles.newOutputStream(target, true)) {
                        zip.transferTo(out);
                    }
                    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                    files++;
                }
            }
            return new Restored(manifest, files);
        } catch (ZipException e) {
            throw new BackupUnreadable("the backup's archive is damaged: " + e.getMessage());
        }
    }

    private static Path inside(Path home, String name) throws BackupUnreadable {
        Path target = home.resolve(name).normalize();
        if (name.startsWith("/") || !target.startsWith(home) || target.equals(home)) {
            throw new BackupUnreadable("the backup names a file outside its home: " + name);
        }
        return target;
    }

    /** Removes everything under {@code home}, leaving it empty, after a restore that failed half-way. */
    public static void empty(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            return;
        }
        try (var walk = Files.walk(home)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(home)) {
                    Files.delete(p);
                }
            }
        }
    }
}
