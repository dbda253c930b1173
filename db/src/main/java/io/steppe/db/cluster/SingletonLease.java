package io.steppe.db.cluster;

import io.steppe.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to run the work that must happen once however many nodes share the database (quota enforcement with
 * its Disconnect-Requests, closing stale sessions, AP health and its alerts), held by one node at a time: a
 * PostgreSQL session-level advisory lock on a connection of this node's own. The database releases it the moment
 * that connection ends, whether the node stopped, was killed or lost the network, and every other node asks for it
 * every {@link #TRY_EVERY}, so another takes over within that. The holder checks its connection as often, and
 * stops calling itself the holder when the check fails, before the lock can be anyone else's.
 */
public final class SingletonLease implements AutoCloseable {

    /** How often a node asks for the lease, and the holder checks it still holds it. */
    public static final Duration TRY_EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(SingletonLease.class);

    private final Database database;
    private final long key;
    private final String name;
    private final ScheduledExecutorService scheduler;
    private Connection connection;
    private volatile boolean held;

    private SingletonLease(Database database, String name) {
        this.database = database;
        this.name = name;
        // Advisory lock keys are one namespace per database; a name's hash keeps Steppe's apart from anyone else's.
        this.key = 0x5354_4550_0000_0000L | (name.hashCode() & 0xffff_ffffL);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steppe-lease-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts asking for the lease called {@code name}; the first try is made before this returns. */
    public static SingletonLease start(Database database, String name) {
        SingletonLease lease = new SingletonLease(database, name);
        try {
            lease.scheduler.submit(lease::tryOnce).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask for the lease " + name, e);
        }
        lease.scheduler.scheduleWithFixedDelay(lease::tryOnce, TRY_EVERY.toMillis(), TRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return lease;
    }

    /** Whether this node holds the lease now: run the singleton work only while it does. */
    public boolean held() {
        return held;
    }

    public String name() {
        return name;
    }

    private void tryOnce() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = database.connect();
            }
            if (held) {
                try (PreparedStatement check = connection.prepareStatement("SELECT 1")) {
                    check.setQueryTimeout((int) TRY_EVERY.toSeconds());
                    check.execute();
                }
                return;
            }
            try (PreparedStatement take = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                take.setLong(1, key);
                try (ResultSet r = take.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        held = true;
                        LOG.info("This node ({}) now runs the work of '{}' that must happen once", database.node(), name);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (held) {
                LOG.warn("Lost the lease '{}' with its connection: {}", name, e.getMessage());
            }
            held = false;
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it is being dropped because it failed
            }
            connection = null;
        }
    }

    /** Gives the lease up at once, so that another node takes over without waiting for this one's connection to die. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(TRY_EVERY.toSeconds() + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        held = false;
        closeConnection();
    }
}
