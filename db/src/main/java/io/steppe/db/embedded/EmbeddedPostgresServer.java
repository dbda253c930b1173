package io.steppe.db.embedded;

import io.steppe.db.DatabaseUnavailableException;
import io.steppe.db.keys.KeyFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
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
 *
 * <p>The server trusts nobody for being local: it listens on loopback only, has no Unix socket, and every
 * connection proves a password (SCRAM-SHA-256) generated on first start and kept in
 * {@code $STEPPE_HOME/keys/postgres.password}, readable by Steppe's own user alone. Without that, any
 * account on the host could read the secrets in the database or run commands as its owner
 * ({@code COPY ... TO PROGRAM}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** The file zonky locks while its server runs; a lock we can take means nobody owns the directory. */
    private static final String LOCK_FILE = "epg-lock";
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private static final String PASSWORD_FILE = "postgres.password";
    /** Loopback only, each connection with the password; a line per kind, so nothing falls back to trust. */
    static final String HBA = """
            # Written by Steppe at every start: every connection proves the password in
            # $STEPPE_HOME/keys/postgres.password. Edits here are replaced.
            host    all          all  127.0.0.1/32  scram-sha-256
            host    all          all  ::1/128       scram-sha-256
            host    replication  all  127.0.0.1/32  scram-sha-256
            host    replication  all  ::1/128       scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final int port;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, String password) {
        this.postgres = postgres;
        this.port = port;
        this.password = password;
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
            String password = KeyFile.password(passwordFile(dataDirectory), new SecureRandom());
            if (lockedByLiveInstance(dataDirectory)) {
                PostmasterPid running = PostmasterPid.read(dataDirectory)
                        .filter(PostmasterPid::isRunningPostgres)
                        .orElseThrow(() -> new DatabaseUnavailableException("the database in " + dataDirectory
                                + " belongs to another Steppe process that has not finished starting it; try again"));
                LOG.debug("Using the PostgreSQL of the running instance on port {}", running.port());
                return new EmbeddedPostgresServer(null, running.port(), password);
            }
            recoverFromKilledInstance(dataDirectory);
            return start(dataDirectory, durable, port, password);
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot start the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    /** Where the password of the server on {@code dataDirectory} ({@code $STEPPE_HOME/pgdata}) is kept. */
    static Path passwordFile(Path dataDirectory) {
        return KeyFile.directory(dataDirectory.toAbsolutePath().getParent()).resolve(PASSWORD_FILE);
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, boolean durable, int port, String password) throws IOException {
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
                // zonky's own initdb flags say "-A trust"; these come after them and win, so a new data directory
                // never accepts a connection without the password, not even during its first start.
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile(dataDirectory).toString())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password)
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
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, postgres.getPort(), password);
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (!Files.readString(hba).equals(HBA)) {
            // a data directory made before the server had a password trusts loopback until here: it is given
            // the password, then trusts nobody (a new one has had the password since initdb)
            server.requirePassword(hba);
        }
        LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
        return server;
    }

    private void requirePassword(Path hba) throws IOException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            // the password is URL-safe Base64, so it needs no escaping; ALTER ROLE takes no parameters
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            Files.writeString(hba, HBA);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot reload the embedded PostgreSQL's configuration: " + e.getMessage(), e);
        }
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
        try (Connection c = connect("postgres")) {
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

    /** The URL of {@code database} on this server; connections need {@link #user()} and {@link #password()}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A connection to {@code database} as the server's owner. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, password);
    }

    public String user() {
        return SUPERUSER;
    }

    /** The password every connection must prove; never logged. */
    public String password() {
        return password;
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
