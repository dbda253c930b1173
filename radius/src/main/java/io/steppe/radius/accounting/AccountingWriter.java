package io.steppe.radius.accounting;

import io.steppe.db.commit.GroupCommit;
import io.steppe.db.commit.GroupCommit.Pending;
import io.steppe.radius.RadiusMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 */
public final class AccountingWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountingWriter.class);

    /** The queue is full; the gateway will retransmit. */
    public static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("accounting queue full", null, false, false);
        }
    }

    private final DSLContext dsl;
    private final AccountingStore store;
    private final RadiusMetrics metrics;
    private final Consumer<List<AccountingRecord>> committed;
    private final GroupCommit<AccountingRecord> group;

    /** @param committed told of the records of each transaction once it has committed, on the writer's thread */
    public AccountingWriter(DSLContext dsl, AccountingStore store, RadiusMetrics metrics, int maxBatch, int queueCapacity,
                            Consumer<List<AccountingRecord>> committed) {
        this.dsl = dsl;
        this.committed = committed;
        this.store = store;
        this.metrics = metrics;
        this.group = new GroupCommit<>("steppe-accounting-writer", maxBatch, queueCapacity, Duration.ZERO, this::commit,
                Overloaded::new, Overloaded::new);
    }

    /** Completes when the record is committed; fails with {@link Overloaded} at once when the queue is full. */
    public CompletableFuture<Void> submit(AccountingRecord record) {
        return group.submit(record);
    }

    public int queued() {
        return group.queued();
    }

    private void commit(List<Pending<AccountingRecord>> batch) {
        try {
            List<AccountingRecord> records = new ArrayList<>(batch.size());
            batch.forEach(p -> records.add(p.item()));
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
            for (Pending<AccountingRecord> p : batch) {
                try {
                    dsl.transaction(tx -> store.apply(tx.dsl(), p.item()));
                    tell(List.of(p.item()));
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
        group.close();
    }
}
