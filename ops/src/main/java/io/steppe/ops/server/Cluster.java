package io.steppe.ops.server;

import io.steppe.db.Database;
import io.steppe.db.cluster.CacheNotices;
import io.steppe.db.cluster.NodeRegistry;
import io.steppe.db.cluster.SingletonLease;
import java.time.Clock;
import java.util.List;

/**
 * This node among those sharing the database: it hears what the others change, holds the singleton work when its
 * turn comes, and reports itself.
 */
record Cluster(CacheNotices notices, SingletonLease singletons, NodeRegistry registry) implements AutoCloseable {

    /** The lease of the work that must happen once: stale sessions, quota enforcement, AP health and alerts, retention. */
    static final String SINGLETONS = "singletons";

    static Cluster join(Database database, Clock clock, String apiAddress) {
        CacheNotices notices = CacheNotices.listen(database);
        SingletonLease singletons = SingletonLease.start(database, SINGLETONS);
        String version = java.util.Objects.requireNonNullElse(Cluster.class.getPackage().getImplementationVersion(), "development build");
        NodeRegistry registry = NodeRegistry.start(database, clock, apiAddress, version,
                () -> singletons.held() ? List.of(SINGLETONS) : List.of());
        return new Cluster(notices, singletons, registry);
    }

    /** Leaves: says this node is gone and gives its lease up at once, so that another takes the work over. */
    @Override
    public void close() {
        registry.close();
        singletons.close();
        notices.close();
    }
}
