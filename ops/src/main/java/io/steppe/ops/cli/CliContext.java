package io.steppe.ops.cli;

import io.steppe.db.AuditLog;
import io.steppe.db.Database;
import io.steppe.ops.server.AuditSources;
import io.steppe.db.keys.SecretKeys;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.SecretKeysFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/** What every subcommand gets from the launcher: the environment, the console streams, the clock, the database. */
public final class CliContext {

    private final Map<String, String> environment;
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;

    public CliContext(Map<String, String> environment, InputStream in, PrintWriter out, PrintWriter err, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.in = in;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** The clock every command and the server it starts read time from. */
    public Clock clock() {
        return clock;
    }

    /** The configuration, read and validated now so that a command with bad input fails before any work. */
    public SteppeConfig config() {
        return SteppeConfig.load(environment);
    }

    /**
     * Runs {@code work} on Steppe's database: that of the instance running on {@code STEPPE_HOME} if there is
     * one, else the configured external one, else the embedded one started for this command only.
     */
    public <T> T withDatabase(Function<Database, T> work) {
        try (Database database = Database.open(config().database().withPoolSize(2))) {
            AuditLog.sourceFrom(database.dsl(), AuditSources.commandLine());
            return work.apply(database);
        }
    }

    /** What the database's secrets are sealed with ({@code $STEPPE_HOME/keys}). */
    public SecretKeys keys() {
        return SecretKeysFile.load(config().home());
    }

    /** Who is acting, for the audit log. */
    public String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** One line from standard input, without echo when a terminal is attached. */
    public char[] readSecret(String prompt) {
        if (System.console() != null && in == System.in) {
            char[] value = System.console().readPassword("%s", prompt);
            return value == null ? new char[0] : value;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password from standard input: " + e.getMessage());
        }
    }

    /**
     * The passphrase of a backup: {@code STEPPE_BACKUP_PASSPHRASE} when set, else a line of standard input, so that
     * a scheduled backup need not put it on a command line where other accounts could see it.
     */
    public char[] backupPassphrase() {
        String set = environment.get("STEPPE_BACKUP_PASSPHRASE");
        return set != null && !set.isEmpty() ? set.toCharArray() : readSecret("Backup passphrase: ");
    }

    /**
     * Whether a person reads standard output on a terminal, rather than a file, a pipe or a service's journal that
     * keeps it: what is shown once (a first password) is shown only there.
     */
    public boolean terminal() {
        return System.console() != null && in == System.in;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }
}
