package io.steppe.ops.cli;

import io.steppe.db.Database;
import io.steppe.db.DatabaseConfig;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.UserError;
import io.steppe.ops.backup.BackupUnreadable;
import io.steppe.ops.backup.HomeRestore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code steppe restore FILE}: a backup into a stopped, empty {@code STEPPE_HOME}, after which {@code steppe serve}
 * starts on it with everything the backup held.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup made by 'steppe backup' into STEPPE_HOME, which must be empty and not in use.",
                "The passphrase comes from STEPPE_BACKUP_PASSPHRASE or standard input."})
public final class RestoreCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "FILE", description = "the backup file")
    Path file;

    public RestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SteppeConfig config = context.config();
        Path home = config.home();
        if (!Files.isRegularFile(file)) {
            throw new UserError("no backup file " + file);
        }
        if (Files.exists(home.resolve("pgdata").resolve("postmaster.pid"))) {
            throw new UserError("Steppe is running on " + home + "; restore only into a stopped, empty STEPPE_HOME");
        }
        if (!empty(home)) {
            throw new UserError(home + " is not empty; restore only into a new, empty STEPPE_HOME");
        }
        char[] passphrase = context.backupPassphrase();
        HomeRestore.Restored restored;
        try (InputStream in = Files.newInputStream(file)) {
            restored = HomeRestore.unpack(in, passphrase, home);
        } catch (BackupUnreadable e) {
            emptyAgain(home);
            throw new UserError(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            emptyAgain(home);
            throw new UserError("cannot restore " + file + " into " + home + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        String taken = restored.manifest().getProperty("created", "?");
        if (!restored.database()) {
            context.out().println("restored the key files of the backup of " + taken + " into " + home
                    + "; it holds no database: point STEPPE_DB_URL at the PostgreSQL restored apart");
            return 0;
        }
        if (config.database().url().isPresent()) {
            context.err().println("steppe: STEPPE_DB_URL is set, so 'steppe serve' would not use the database restored into " + home);
        }
        // The first start replays the log the backup carries, then stops cleanly: serve later starts on a finished database.
        try (Database db = Database.open(DatabaseConfig.embedded(home).withPoolSize(2))) {
            context.out().println("restored the backup of " + taken + " into " + home + " (" + restored.files()
                    + " files; " + db.description() + " recovered); start it with 'steppe serve'");
        }
        return 0;
    }

    private static boolean empty(Path home) {
        if (!Files.exists(home)) {
            return true;
        }
        if (!Files.isDirectory(home)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(home)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UserError("cannot read " + home + ": " + e.getMessage(), e);
        }
    }

    private void emptyAgain(Path home) {
        try {
            HomeRestore.empty(home);
        } catch (IOException e) {
            context.err().println("steppe: could not remove what was restored into " + home + ": " + e.getMessage());
        }
    }
}
