package io.steppe.db.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes on one database ask for the same lease: one holds it, and another takes over within 10 s when it
 * goes or its connection dies.
 */
class SingletonLeaseTest {

    @TempDir
    Path home;

    @Test
    @SuppressWarnings("try") // closing the first holder early is what is tested
    void oneNodeHoldsTheLeaseAndAnotherTakesOverWhenItGoesOrItsConnectionDies() throws InterruptedException {
        TestDatabases.Location shared = TestDatabases.fresh();
        try (Database a = Database.open(shared.config(home.resolve("a")));
             Database b = Database.open(shared.config(home.resolve("b")));
             Database c = Database.open(shared.config(home.resolve("c")));
             SingletonLease atA = SingletonLease.start(a, "test");
             SingletonLease atB = SingletonLease.start(b, "test");
             SingletonLease atC = SingletonLease.start(c, "test");
             SingletonLease other = SingletonLease.start(c, "other work")) {
            List<SingletonLease> leases = List.of(atA, atB, atC);
            assertTrue(atA.held(), "the first to ask");
            assertEquals(1, holders(leases));
            assertTrue(other.held(), "another lease is another lock");

            atA.close();
            SingletonLease next = awaitOneHolder(leases);
            assertTrue(next == atB || next == atC);

            Database holder = next == atB ? b : c;
            int ended = a.dsl().fetchValue(DSL.select(DSL.field("count(pg_terminate_backend(l.pid))", Integer.class))
                    .from(DSL.table("pg_locks").as("l")).join(DSL.table("pg_stat_activity").as("s"))
                    .on(DSL.field("l.pid").eq(DSL.field("s.pid")))
                    .where(DSL.field("l.locktype").eq("advisory")).and(DSL.field("s.application_name").eq(holder.node())));
            assertEquals(1, ended, "the holder's lock connection");
            // The holder learns of it at its next check, within TRY_EVERY; until then another may hold it too.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !(holders(leases) == 1 && leaseIsHeldInTheDatabase(a))) {
                Thread.sleep(50);
            }
            assertEquals(1, holders(leases), "no single node held the lease 10 s after its holder's connection died");
            assertTrue(leaseIsHeldInTheDatabase(a));
            assertFalse(atA.held(), "a node that gave the lease up");
        }
    }

    static int holders(List<SingletonLease> leases) {
        return (int) leases.stream().filter(SingletonLease::held).count();
    }

    static SingletonLease awaitOneHolder(List<SingletonLease> leases) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<SingletonLease> holding = leases.stream().filter(SingletonLease::held).toList();
            if (holding.size() == 1) {
                return holding.get(0);
            }
            assertTrue(holding.size() <= 1, "two nodes held the lease at once");
            Thread.sleep(50);
        }
        throw new AssertionError("no node took the lease over within 10 s");
    }

    static boolean leaseIsHeldInTheDatabase(Database any) {
        return any.dsl().fetchExists(DSL.selectOne().from(DSL.table("pg_locks")).where(DSL.field("locktype").eq("advisory")));
    }
}
