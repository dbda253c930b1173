package io.steppe.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.steppe.db.embedded.EmbeddedPostgresServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steppe's database: a pooled connection to an external PostgreSQL ({@code STEPPE_DB_URL}) or to the
 * embedded one under {@code $STEPPE_HOME/pgdata}, migrated to the newest schema before it is handed out.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String EMBEDDED_DATABASE_NAME = "steppe";
    /** How long a first connection may take while starting; the server may still be recovering. */
    private static final Duration INITIAL_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long a caller waits for a pooled connection. Short, so that with the database down a request
     * (and {@code /health}) fails in seconds instead of hanging; gateways retry RADIUS sooner than that.
     */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    private final HikariDataSource dataSource;
    private final Optional<EmbeddedPostgresServer> embedded;
    private final DSLContext dsl;
    private final String description;
    private final DatabaseConfig connectAs;
    private final String node;

    private Database(HikariDataSource dataSource, Optional<EmbeddedPostgresServer> embedded, String description,
                     DatabaseConfig connectAs, String node) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
        this.connectAs = connectAs;
        this.node = node;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES,
                new Settings().withExecuteLogging(false).withRenderSchema(false)
                        .withDiagnosticsLogging(false));
    }

    /** Connects (starting the embedded server when no URL is configured) and applies pending migrations. */
    public static Database open(DatabaseConfig config) {
        Optional<EmbeddedPostgresServer> embedded = Optional.empty();
        DatabaseConfig connectAs = config;
        String url;
        String description;
        if (config.url().isPresent()) {
            url = config.url().get();
            description = DatabaseConfig.redact(url);
        } else {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(config.home().resolve("pgdata"), config.durable());
            embedded = Optional.of(server);
            try {
                server.ensureDatabase(EMBEDDED_DATABASE_NAME);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            url = server.jdbcUrl(EMBEDDED_DATABASE_NAME);
            connectAs = DatabaseConfig.external(url, server.user(), server.password(), config.home());
            description = "embedded PostgreSQL on port " + server.port() + " (" + config.home().resolve("pgdata") + ")";
        }
        String node = "steppe-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari(config.poolSize(), connectAs, node));
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw new DatabaseUnavailableException("cannot connect to " + DatabaseConfig.redact(url) + ": "
                    + DatabaseUnavailableException.rootMessage(e), e);
        }
        try {
            int applied = Migrations.apply(dataSource).migrationsExecuted;
            if (applied > 0) {
                LOG.info("Applied {} database migration(s)", applied);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
        return new Database(dataSource, embedded, description, connectAs, node);
    }

    private static HikariConfig hikari(int poolSize, DatabaseConfig config, String node) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("steppe");
        hikari.setJdbcUrl(config.url().orElseThrow());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(Math.min(2, poolSize));
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setInitializationFailTimeout(INITIAL_CONNECT_TIMEOUT.toMillis());
        hikari.setRegisterMbeans(false);
        // What the database's notices name as their origin, so that this process skips the ones it caused.
        hikari.addDataSourceProperty("ApplicationName", node);
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        return hikari;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The pool's live figures, for metrics. */
    public HikariPoolMXBean pool() {
        return dataSource.getHikariPoolMXBean();
    }

    /**
     * This process among the nodes that share the database: its connections' {@code application_name}, which the
     * database's notices name as their origin.
     */
    public String node() {
        return node;
    }

    /**
     * A connection of its own, outside the pool, for what holds one for as long as it lives: listening for notices,
     * holding a lock. The caller closes it.
     */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        connectAs.user().ifPresent(u -> properties.setProperty("user", u));
        connectAs.password().ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", node);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
        return DriverManager.getConnection(connectAs.url().orElseThrow(), properties);
    }

    /** Whether the database answers a trivial query within {@code timeout}. */
    public boolean isUp(Duration timeout) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Whether this process runs the embedded PostgreSQL (rather than an external one or another instance's). */
    public boolean ownsEmbeddedServer() {
        return embedded.map(EmbeddedPostgresServer::owner).orElse(false);
    }

    /** Where the data is, for people: never a password. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }
}
