package io.steppe.db.embedded;

import io.steppe.db.DatabaseUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server on one data directory. Either this process started it ({@link #owner()}) and
 * stops it on {@link #close()}, or another Steppe process on the same {@code STEPPE_HOME} runs it and this
 * process only connects to it, so a CLI command given while {@code serve} runs never starts a second server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** The file zonky locks while its server runs; a lock we can take means nobody owns the directory. */
    private static final String LOCK_FILE = "epg-lock";
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * Connects to the server a live Steppe process runs on {@code dataDirectory}, or starts one there.
     *
     * @param durable whether a server started here syncs every commit to disk (zonky's defaults do not)
     */
    public static EmbeddedPostgresServer startOrAttach(Path dataDirectory, boolean durable) {
        return startOrAttach(dataDirectory, durable, 0);
    }

    /** As {@link #startOrAttach(Path, boolean)}, listening on {@code port} (0: any free port) when it starts the server. */
    public static EmbeddedPostgresServer startOrAttach(Path dataDirectory, boolean durable, int port) {
        try {
            Files.createDirectories(dataDirectory);
            if (lockedByLiveInstance(dataDirectory)) {
                PostmasterPid running = PostmasterPid.read(dataDirectory)
                        .filter(PostmasterPid::isRunningPostgres)
                        .orElseThrow(() -> new DatabaseUnavailableException("the database in " + dataDirectory
                                + " belongs to another Steppe process that has not finished starting it; try again"));
                LOG.debug("Using the PostgreSQL of the running instance on port {}", running.port());
                return new EmbeddedPostgresServer(null, running.port());
            }
            recoverFromKilledInstance(dataDirectory);
            return start(dataDirectory, durable, port);
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot start the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, boolean durable, int port) throws IOException {
        Path log = dataDirectory.resolveSibling("postgres.log");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                // (zonky passes its "locale config" to initdb as --key=value, so this is initdb's --wal-segsize.)
                // The commit that needs a new WAL segment creates it: it writes the segment full of zeros and
                // fsyncs it while every commit behind it waits. With the default 16 MB that was a 13-14 ms stall
                // every ~8 s of accounting at 15,000 records/s; with 1 MB it is ~2 ms every half second. A data
                // directory made before keeps its segment size.
                .setLocaleConfig("wal-segsize", "1")
                .setPGStartupWait(STARTUP_WAIT)
                .setPort(port)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (durable) {
            // zonky starts the server with -F (fsync off) and synchronous_commit=off; a later -c wins.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // a ten-million-row coverage import writes ~2 GB of WAL; with the default 1 GB a checkpoint
                    // started every ~15 s of it ("checkpoints are occurring too frequently"). Durability is the same.
                    .setServerConfig("max_wal_size", "4GB");
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage() + " (see " + log + ")", e);
        }
        LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
        return new EmbeddedPostgresServer(postgres, postgres.getPort());
    }

    private static boolean lockedByLiveInstance(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false; // never started here; creating it would stop initdb, which wants an empty directory
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /**
     * A Steppe process killed with SIGKILL leaves its PostgreSQL running with nobody to stop it. Stopping it
     * with a fast shutdown (SIGINT) leaves the data consistent; the server is then started afresh.
     */
    private static void recoverFromKilledInstance(Path dataDirectory) throws IOException {
        Optional<PostmasterPid> stale = PostmasterPid.read(dataDirectory);
        if (stale.isEmpty()) {
            return;
        }
        PostmasterPid pid = stale.get();
        if (!pid.isRunningPostgres()) {
            // PostgreSQL itself ignores a lock file whose process is gone.
            return;
        }
        LOG.warn("Stopping PostgreSQL (pid {}) left running by a Steppe instance that was killed", pid.pid());
        signal(pid.pid(), "INT");
        if (!awaitExit(pid.pid(), ORPHAN_STOP_WAIT)) {
            signal(pid.pid(), "QUIT");
            if (!awaitExit(pid.pid(), ORPHAN_STOP_WAIT)) {
                throw new IOException("PostgreSQL pid " + pid.pid() + " left by a killed instance does not stop");
            }
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL pid " + pid, e);
        }
    }

    private static boolean awaitExit(long pid, Duration wait) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.get().isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Creates {@code name} unless it exists; the server's own {@code postgres} database is left alone. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(SUPERUSER))) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created by a concurrent start
            }
            throw new DatabaseUnavailableException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    public int port() {
        return port;
    }

    /** Whether this process started the server and so stops it on close. */
    public boolean owner() {
        return postgres != null;
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.error("Could not stop the embedded PostgreSQL: {}", e.getMessage());
            }
        }
    }
}
