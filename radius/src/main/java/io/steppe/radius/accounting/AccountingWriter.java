package io.steppe.radius.accounting;

import io.steppe.radius.RadiusMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for accounting. Records queue up while a transaction is being committed and are committed
 * together in the next, so one fsync serves many records; each record's future completes only once its
 * transaction has committed, and the Accounting-Response waits for that (RFC 2866 §4.1). If a batch fails,
 * its records are retried one by one so that one bad record cannot hold the others back; a record that
 * still fails is never acknowledged, and the gateway retransmits it.
 *
 * <p>Several lanes commit at once, each on its own connection, so that one lane's statements run while
 * another waits for its fsync and PostgreSQL flushes their commits together; a record waits for at most one
 * commit in front of it rather than for a whole batch. A session always goes to the same lane, so its records
 * are applied in the order they arrived. Accounting-On and -Off close sessions of every lane: they are
 * applied once every lane has committed what arrived before them, and no lane goes on until they are.
 */
public final class AccountingWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountingWriter.class);

    /** Accounting-On/Off that may wait at once; a gateway reboots rarely, and retransmits if refused. */
    private static final int BARRIER_CAPACITY = 256;

    /** The queue is full; the gateway will retransmit. */
    public static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("accounting queue full", null, false, false);
        }
    }

    private sealed interface Entry permits Pending, BarrierPart {
    }

    private record Pending(AccountingRecord record, CompletableFuture<Void> done) implements Entry {
    }

    /** A record that concerns the sessions of every lane, queued once in each. */
    private record Barrier(Pending pending, CountDownLatch arrived, CountDownLatch applied) {
    }

    private record BarrierPart(Barrier barrier) implements Entry {
    }

    private final DSLContext dsl;
    private final AccountingStore store;
    private final RadiusMetrics metrics;
    private final Consumer<List<AccountingRecord>> committed;
    private final int maxBatch;
    private final List<Lane> lanes;
    private final Semaphore barrierRoom = new Semaphore(BARRIER_CAPACITY);
    /** Orders barriers the same way in every lane, and none after close. */
    private final Object barrierLock = new Object();
    private volatile boolean running = true;

    /**
     * @param lanes         transactions committed at once, each on its own connection
     * @param queueCapacity records that may wait, over all lanes
     * @param committed     told of the records of each transaction once it has committed, on a lane's thread
     */
    public AccountingWriter(DSLContext dsl, AccountingStore store, RadiusMetrics metrics, int lanes, int maxBatch, int queueCapacity,
                            Consumer<List<AccountingRecord>> committed) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, was " + lanes);
        }
        this.dsl = dsl;
        this.committed = committed;
        this.store = store;
        this.metrics = metrics;
        this.maxBatch = maxBatch;
        List<Lane> created = new ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            created.add(new Lane(i, Math.max(1, queueCapacity / lanes)));
        }
        this.lanes = List.copyOf(created);
        this.lanes.forEach(l -> l.thread.start());
    }

    /** Completes when the record is committed; fails with {@link Overloaded} at once when the queue is full. */
    public CompletableFuture<Void> submit(AccountingRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Pending pending = new Pending(record, done);
        boolean queued = switch (record.kind()) {
            case ACCOUNTING_ON, ACCOUNTING_OFF -> queueEverywhere(pending);
            default -> lanes.get(Math.floorMod(record.uniqueId().hashCode(), lanes.size())).offer(pending);
        };
        if (!queued) {
            done.completeExceptionally(new Overloaded());
        }
        return done;
    }

    private boolean queueEverywhere(Pending pending) {
        synchronized (barrierLock) {
            if (!running || !barrierRoom.tryAcquire()) {
                return false;
            }
            Barrier barrier = new Barrier(pending, new CountDownLatch(lanes.size()), new CountDownLatch(1));
            lanes.forEach(l -> l.queue.add(new BarrierPart(barrier)));
            return true;
        }
    }

    public int queued() {
        return lanes.stream().mapToInt(l -> l.queue.size()).sum();
    }

    private final class Lane implements Runnable {
        private final int index;
        /** Unbounded so that a barrier always fits; records are bounded by {@link #room}. */
        private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
        private final Semaphore room;
        private final Thread thread;

        Lane(int index, int capacity) {
            this.index = index;
            this.room = new Semaphore(capacity);
            this.thread = new Thread(this, "steppe-accounting-writer-" + index);
            this.thread.setDaemon(true);
        }

        boolean offer(Pending pending) {
            if (!running || !room.tryAcquire()) {
                return false;
            }
            queue.add(pending);
            return true;
        }

        @Override
        public void run() {
            List<Entry> drained = new ArrayList<>(maxBatch);
            List<Pending> batch = new ArrayList<>(maxBatch);
            while (running || !queue.isEmpty()) {
                try {
                    Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    drained.add(first);
                    queue.drainTo(drained, maxBatch - 1);
                    for (Entry e : drained) {
                        if (e instanceof Pending p) {
                            room.release();
                            batch.add(p);
                        } else {
                            commit(batch);
                            batch.clear();
                            pass(((BarrierPart) e).barrier());
                        }
                    }
                    commit(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    drained.clear();
                    batch.clear();
                }
            }
        }

        /** Every lane arrives; the first lane applies the barrier's record while the others wait for it. */
        private void pass(Barrier barrier) throws InterruptedException {
            barrier.arrived().countDown();
            if (index != 0) {
                barrier.applied().await();
                return;
            }
            try {
                barrier.arrived().await();
                commit(List.of(barrier.pending()));
            } finally {
                barrier.applied().countDown();
                barrierRoom.release();
            }
        }
    }

    private void commit(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<AccountingRecord> records = new ArrayList<>(batch.size());
            batch.forEach(p -> records.add(p.record()));
            dsl.transaction(tx -> store.applyAll(tx.dsl(), records));
            tell(records);
            metrics.accountingBatch(batch.size());
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException batchFailure) {
            if (databaseUnreachable(batchFailure)) {
                // Retrying one by one would wait for a connection once per record; fail them together.
                batch.forEach(p -> p.done().completeExceptionally(batchFailure));
                LOG.warn("{} accounting record(s) not saved, the database is unreachable; their gateways will retransmit",
                        batch.size());
                return;
            }
            int lost = 0;
            for (Pending p : batch) {
                try {
                    dsl.transaction(tx -> store.apply(tx.dsl(), p.record()));
                    tell(List.of(p.record()));
                    metrics.accountingBatch(1);
                    p.done().complete(null);
                } catch (RuntimeException e) {
                    lost++;
                    p.done().completeExceptionally(e);
                }
            }
            if (lost > 0) {
                LOG.warn("{} accounting record(s) not saved, their gateways will retransmit: {}", lost, batchFailure.getMessage());
            }
        }
    }

    /** Whatever the listener does wrong, the records are saved and will be acknowledged. */
    private void tell(List<AccountingRecord> records) {
        try {
            committed.accept(records);
        } catch (RuntimeException e) {
            LOG.warn("After saving accounting: {}", e.toString());
        }
    }

    private static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Commits what is queued, then stops. */
    @Override
    public void close() {
        synchronized (barrierLock) {
            running = false;
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Lane lane : lanes) {
            Entry left;
            while ((left = lane.queue.poll()) != null) {
                Pending p = left instanceof Pending pending ? pending : ((BarrierPart) left).barrier().pending();
                p.done().completeExceptionally(new Overloaded());
            }
        }
    }
}
