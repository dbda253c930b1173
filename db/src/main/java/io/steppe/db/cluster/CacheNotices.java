package io.steppe.db.cluster;

import io.steppe.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other writers of the database made stale in this node's memory, as the database's triggers announce it on
 * {@value #CHANNEL} when their change commits (see the migration that made them). One thread listens on a
 * connection of its own and hands each notice to the handlers of its topic; notices this node caused are skipped,
 * since it applied them when it committed.
 *
 * <p>A notice sent while the connection was down is lost, so after every (re)connection each handler is told that
 * everything of its topic may be stale. Handlers run on the listening thread and must be quick.
 */
public final class CacheNotices implements AutoCloseable {

    public static final String CHANNEL = "steppe_cache";
    private static final Logger LOG = LoggerFactory.getLogger(CacheNotices.class);
    /** How long one wait for notices lasts; closing takes at most this long. */
    private static final Duration WAIT = Duration.ofMillis(250);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    /** What a handler of a topic is told. */
    public interface Handler {
        /** These entries changed. */
        void changed(List<String> keys);

        /** Any entry may have changed: a notice named too many to list, or notices may have been lost. */
        void allChanged();
    }

    private final Database database;
    private final Map<String, List<Handler>> handlers = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    private CacheNotices(Database database) {
        this.database = database;
        this.thread = new Thread(this::run, "steppe-cache-notices");
        this.thread.setDaemon(true);
    }

    /** Starts listening; handlers may be added before or after. */
    public static CacheNotices listen(Database database) {
        CacheNotices notices = new CacheNotices(database);
        notices.thread.start();
        return notices;
    }

    /**
     * Hands the notices of {@code topic} to {@code handler}. One added while the connection already listens is told at
     * once that everything may have changed, as it would have been on connecting: what it holds may predate notices
     * it was not there to hear. (It may be told twice, if added as the connection comes up.)
     */
    public void on(String topic, Handler handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
        if (listening) {
            allChanged(handler);
        }
    }

    /** {@link #on} for a handler that drops every entry of the topic whatever changed. */
    public void onAny(String topic, Runnable dropAll) {
        on(topic, handler(keys -> dropAll.run(), dropAll));
    }

    /** A handler of {@code changed} and {@code allChanged}. */
    public static Handler handler(Consumer<List<String>> changed, Runnable allChanged) {
        return new Handler() {
            @Override
            public void changed(List<String> keys) {
                changed.accept(keys);
            }

            @Override
            public void allChanged() {
                allChanged.run();
            }
        };
    }

    /** Whether the listening connection is up: while it is not, memory may be stale by more than a notice's delay. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        while (running) {
            try (Connection c = database.connect()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                handlers.values().forEach(hs -> hs.forEach(CacheNotices::allChanged));
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications((int) WAIT.toMillis());
                    if (received != null) {
                        Arrays.stream(received).forEach(n -> deliver(n.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Not listening for other nodes' changes ({}); trying again in {} s", e.getMessage(), RECONNECT_AFTER.toSeconds());
                }
            } finally {
                listening = false;
            }
            pause();
        }
    }

    /** Hands one notice, {@code "<topic> <origin> <keys>"}, to its topic's handlers. */
    void deliver(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length < 3 || parts[1].equals(database.node())) {
            return;
        }
        List<Handler> topical = handlers.get(parts[0]);
        if (topical == null) {
            return;
        }
        if (parts[2].equals("*")) {
            topical.forEach(CacheNotices::allChanged);
        } else {
            List<String> keys = List.of(parts[2].split(","));
            topical.forEach(h -> each(h, keys));
        }
    }

    private static void each(Handler handler, List<String> keys) {
        try {
            handler.changed(keys);
        } catch (RuntimeException e) {
            LOG.warn("A handler of changed entries failed: {}", e.toString());
        }
    }

    private static void allChanged(Handler handler) {
        try {
            handler.allChanged();
        } catch (RuntimeException e) {
            LOG.warn("A handler of changed entries failed: {}", e.toString());
        }
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(WAIT.multipliedBy(8).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
