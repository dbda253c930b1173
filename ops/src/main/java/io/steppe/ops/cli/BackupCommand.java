package io.steppe.ops.cli;

import io.steppe.db.AuditLog;
import io.steppe.db.file.OwnerOnlyFiles;
import io.steppe.ops.BuildInfo;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.UserError;
import io.steppe.ops.backup.HomeBackup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code steppe backup --out FILE}: the database (the embedded one, copied while {@code serve} keeps running) and
 * the key files, sealed with a passphrase. Audited.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent backup of this STEPPE_HOME while Steppe runs: the embedded database and the key files,",
                "encrypted with the passphrase in STEPPE_BACKUP_PASSPHRASE or read from standard input.",
                "With an external PostgreSQL (STEPPE_DB_URL) only the key files are written: back the database up with its own tools."})
public final class BackupCommand implements Callable<Integer> {

    /** Short passphrases fall to guessing however slow the key derivation is. */
    static final int SHORTEST_PASSPHRASE = 12;

    private final CliContext context;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the backup file to write (replaced if it exists)")
    Path out;

    public BackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SteppeConfig config = context.config();
        Path target = out.toAbsolutePath();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new UserError("no directory " + target.getParent() + " to write " + out + " into");
        }
        char[] passphrase = context.backupPassphrase();
        try {
            if (passphrase.length < SHORTEST_PASSPHRASE) {
                throw new UserError("the backup passphrase needs at least " + SHORTEST_PASSPHRASE + " characters (STEPPE_BACKUP_PASSPHRASE or standard input)");
            }
            boolean embedded = config.database().url().isEmpty();
            HomeBackup.Written written = context.withDatabase(db -> {
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                try (OutputStream file = OwnerOnlyFiles.newOutputStream(partial, false)) {
                    HomeBackup backup = new HomeBackup(config.home(), BuildInfo.current().version(), context.clock());
                    HomeBackup.Written w;
                    if (embedded) {
                        try (Connection c = db.connect()) {
                            w = backup.write(file, passphrase, Optional.of(c));
                        }
                    } else {
                        w = backup.write(file, passphrase, Optional.empty());
                    }
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("bytes", Files.size(target));
                    details.put("files", w.files());
                    details.put("database", embedded ? "embedded" : "not included");
                    w.serverVersion().ifPresent(v -> details.put("postgresql", v));
                    AuditLog.record(db.dsl(), context.actor(), "backup.create", target.getFileName().toString(), details);
                    return w;
                } catch (IOException | SQLException e) {
                    deleteQuietly(partial);
                    throw new UserError("cannot write the backup " + out + ": " + e.getMessage(), e);
                }
            });
            context.out().println("backup written to " + target + " (" + written.files() + " files, "
                    + Files.size(target) / 1024 + " KiB)" + (embedded ? "" : "; the external database is not in it: back it up with pg_basebackup"));
            return 0;
        } catch (IOException e) {
            throw new UserError("cannot read " + out + " back: " + e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the error that got us here is the one to report
        }
    }
}
