package io.steppe.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * Fresh, empty databases for tests. With {@code STEPPE_TEST_DB_URL} (and optionally
 * {@code STEPPE_TEST_DB_USER}, {@code STEPPE_TEST_DB_PASSWORD}) they are created on that server, which
 * must let the user create databases; otherwise on one embedded PostgreSQL shared by the test JVM.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** Where a new database is, as {@code STEPPE_DB_URL}, user and password. */
    public record Location(String url, Optional<String> user, Optional<String> password) {

        public DatabaseConfig config(Path home) {
            return new DatabaseConfig(Optional.of(url), user, password, home, 4, false);
        }

        @Override
        public String toString() {
            return "Location[" + DatabaseConfig.redact(url) + "]";
        }
    }

    /** Whether the tests run against an external PostgreSQL. */
    public static boolean external() {
        return System.getenv("STEPPE_TEST_DB_URL") != null;
    }

    /** A new empty database, not yet migrated. */
    public static Location fresh() {
        String name = "steppe_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String external = System.getenv("STEPPE_TEST_DB_URL");
        if (external != null) {
            Optional<String> user = Optional.ofNullable(System.getenv("STEPPE_TEST_DB_USER"));
            Optional<String> password = Optional.ofNullable(System.getenv("STEPPE_TEST_DB_PASSWORD"));
            createDatabase(external, user.orElse(null), password.orElse(null), name);
            return new Location(external.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name), user, password);
        }
        EmbeddedPostgres shared = Shared.INSTANCE;
        createDatabase(shared.getJdbcUrl("postgres", "postgres"), null, null, name);
        return new Location(shared.getJdbcUrl("postgres", name), Optional.empty(), Optional.empty());
    }

    /** A new database with Steppe's schema, opened. */
    public static Database freshMigrated(Path home) {
        return Database.open(fresh().config(home));
    }

    private static void createDatabase(String adminUrl, String user, String password, String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + DatabaseConfig.redact(adminUrl), e);
        }
    }

    /** One embedded server for the whole test JVM, started on first use; zonky's hook stops it at exit. */
    private static final class Shared {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
