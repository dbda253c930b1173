package io.steppe.db;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Steppe's data lives.
 *
 * @param url          JDBC URL of an external PostgreSQL; empty means the embedded one under {@code home}
 * @param user         user for {@code url}, when it does not carry one
 * @param password     password for {@code url}; never shown by {@link #toString()}
 * @param home         Steppe's home directory; the embedded PostgreSQL keeps its data in {@code home/pgdata}
 * @param poolSize     the most connections the pool opens
 * @param durable      whether an embedded PostgreSQL it starts syncs to disk (always, but in tests)
 */
public record DatabaseConfig(Optional<String> url, Optional<String> user, Optional<String> password,
                             Path home, int poolSize, boolean durable) {

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(home, "home");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
    }

    /** The embedded, durable database under {@code home}, as {@code steppe serve} uses it. */
    public static DatabaseConfig embedded(Path home) {
        return new DatabaseConfig(Optional.empty(), Optional.empty(), Optional.empty(), home, 10, true);
    }

    /** An external PostgreSQL. */
    public static DatabaseConfig external(String url, String user, String password, Path home) {
        return new DatabaseConfig(Optional.of(url), Optional.ofNullable(user), Optional.ofNullable(password), home, 10, true);
    }

    public DatabaseConfig withDurable(boolean value) {
        return new DatabaseConfig(url, user, password, home, poolSize, value);
    }

    public DatabaseConfig withPoolSize(int value) {
        return new DatabaseConfig(url, user, password, home, value, durable);
    }

    /** The JDBC URL with any password parameter removed, for messages and logs. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url.map(DatabaseConfig::redact).orElse("embedded")
                + ", user=" + user.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-")
                + ", home=" + home + ", poolSize=" + poolSize + ", durable=" + durable + "]";
    }
}
