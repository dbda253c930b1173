package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.TestDatabases;
import io.steppe.db.keys.SecretKeys;
import io.steppe.ops.server.SteppeServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes started at the same moment against an empty database: one migrates it, the other waits, and both serve. */
class ClusterStartTest {

    @TempDir
    Path home;

    @Test
    void twoNodesStartedAtOnceOnAnEmptyDatabaseBothServe() throws Exception {
        TestDatabases.Location database = TestDatabases.fresh();
        SecretKeys.load(home.resolve("a"), new SecureRandom());
        ClusterTest.copyKeys(home.resolve("a"), home.resolve("b"));
        ExecutorService starting = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<SteppeServer>> nodes = List.of("a", "b").stream().map(name -> starting.submit(() -> {
                go.await();
                return ClusterTest.node(home.resolve(name), database);
            })).toList();
            go.countDown();
            List<SteppeServer> started = new ArrayList<>();
            try {
                for (Future<SteppeServer> node : nodes) {
                    started.add(node.get(3, TimeUnit.MINUTES));
                }
                SteppeServer a = started.get(0);
                assertTrue(a.radius().isUp() && started.get(1).radius().isUp());
                assertEquals(0, a.database().dsl().fetchCount(DSL.selectOne().from(DSL.table("flyway_schema_history"))
                        .where(DSL.field("success").isFalse())), "no migration failed");
                assertEquals(1, a.database().dsl().fetchCount(DSL.selectOne().from(DSL.table("flyway_schema_history"))
                        .where(DSL.field("version").eq("37"))), "each migration applied once");
            } finally {
                started.forEach(SteppeServer::close);
            }
        } finally {
            starting.shutdownNow();
            starting.awaitTermination(3, TimeUnit.MINUTES);
        }
    }
}
