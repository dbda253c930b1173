package io.steppe.db.cluster;

import static io.steppe.db.schema.Tables.CLUSTER_NODE;

import io.steppe.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes serving from this database, as each reports itself every {@link #REPORT_EVERY}: its address, version,
 * start and the singleton work it holds. A node not heard from for {@link #GONE_AFTER} has stopped.
 */
public final class NodeRegistry implements AutoCloseable {

    public static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    public static final Duration GONE_AFTER = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);

    /** A node as it last reported itself. */
    public record Node(String id, String address, String version, OffsetDateTime startedAt, OffsetDateTime seenAt, List<String> jobs) {
    }

    private final Database database;
    private final Clock clock;
    private final Node self;
    private final Supplier<List<String>> jobs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "steppe-node-registry");
        t.setDaemon(true);
        return t;
    });

    private NodeRegistry(Database database, Clock clock, String address, String version, Supplier<List<String>> jobs) {
        this.database = database;
        this.clock = clock;
        this.jobs = jobs;
        OffsetDateTime now = now();
        this.self = new Node(database.node(), address, version, now, now, List.of());
    }

    /**
     * Reports this node now and every {@link #REPORT_EVERY}.
     *
     * @param address where operators reach this node's API
     * @param jobs    the names of the singleton work this node holds now
     */
    public static NodeRegistry start(Database database, Clock clock, String address, String version, Supplier<List<String>> jobs) {
        NodeRegistry registry = new NodeRegistry(database, clock, address, version, jobs);
        registry.forgetLongGone();
        registry.report();
        registry.scheduler.scheduleWithFixedDelay(registry::report, REPORT_EVERY.toMillis(), REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return registry;
    }

    /** The nodes heard from within {@link #GONE_AFTER}, this one first, then by start. */
    public List<Node> nodes() {
        return database.dsl().selectFrom(CLUSTER_NODE).where(CLUSTER_NODE.SEEN_AT.ge(now().minus(GONE_AFTER)))
                .orderBy(CLUSTER_NODE.ID.ne(self.id()), CLUSTER_NODE.STARTED_AT, CLUSTER_NODE.ID)
                .fetch(r -> new Node(r.getId(), r.getAddress(), r.getVersion(), r.getStartedAt(), r.getSeenAt(), List.of(r.getJobs())));
    }

    public String self() {
        return self.id();
    }

    private void report() {
        try {
            OffsetDateTime now = now();
            String[] held = jobs.get().toArray(String[]::new);
            database.dsl().insertInto(CLUSTER_NODE)
                    .set(CLUSTER_NODE.ID, self.id()).set(CLUSTER_NODE.ADDRESS, self.address()).set(CLUSTER_NODE.VERSION, self.version())
                    .set(CLUSTER_NODE.STARTED_AT, self.startedAt()).set(CLUSTER_NODE.SEEN_AT, now).set(CLUSTER_NODE.JOBS, held)
                    .onConflict(CLUSTER_NODE.ID).doUpdate().set(CLUSTER_NODE.SEEN_AT, now).set(CLUSTER_NODE.JOBS, held)
                    .execute();
        } catch (RuntimeException e) {
            LOG.warn("Could not report this node to the others: {}", e.getMessage());
        }
    }

    /** Rows of nodes gone for a day say nothing any more; each node clears them as it joins. */
    private void forgetLongGone() {
        try {
            database.dsl().deleteFrom(CLUSTER_NODE).where(CLUSTER_NODE.SEEN_AT.lt(now().minus(Duration.ofDays(1)))).execute();
        } catch (RuntimeException e) {
            LOG.warn("Could not clear the rows of nodes long gone: {}", e.getMessage());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Stops reporting and says this node is gone, so that it leaves the list at once. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            database.dsl().deleteFrom(CLUSTER_NODE).where(CLUSTER_NODE.ID.eq(self.id())).execute();
        } catch (RuntimeException e) {
            LOG.debug("Could not remove this node's row: {}", e.getMessage());
        }
    }
}
