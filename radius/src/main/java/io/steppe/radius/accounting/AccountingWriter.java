package io.steppe.radius.accounting;

import io.steppe.db.commit.GroupCommit;
import io.steppe.db.commit.GroupCommit.Pending;
import io.steppe.radius.RadiusMetrics;
import io.steppe.radius.packet.AccountingRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for accounting. Records queue up while a transaction is being committed and are committed
 * together in the next, so one fsync serves many records; each record's future completes only once its
 * transaction has committed, and the Accounting-Response waits for that (RFC 2866 §4.1). If a batch fails,
 * its records are retried one by one so that one bad record cannot hold the others back; a record that
 * still fails is never acknowledged ({@link Refused} when the database refused its values), and the gateway
 * retransmits it. During an outage nothing is retried and nothing is acknowledged.
 */
public final class AccountingWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountingWriter.class);

    /** The queue is full; the gateway will retransmit. */
    public static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("accounting queue full", null, false, false);
        }
    }

    /** The database refused the record's values (a data error): it alone is not saved, and never acknowledged. */
    public static final class Refused extends RuntimeException {
        Refused(Throwable cause) {
            super("the database refused the record's values", cause, false, false);
        }
    }

    private final DSLContext dsl;
    private final AccountingStore store;
    private final RadiusMetrics metrics;
    private final Consumer<List<AccountingRecord>> committed;
    private final GroupCommit<AccountingRecord> group;

    /**
     * @param nanoTime  the monotonic ticker of the group commit ({@code System::nanoTime} in production)
     * @param committed told of the records of each transaction once it has committed, on the writer's thread
     */
    public AccountingWriter(DSLContext dsl, AccountingStore store, RadiusMetrics metrics, int maxBatch, int queueCapacity,
                            LongSupplier nanoTime, Consumer<List<AccountingRecord>> committed) {
        this.dsl = dsl;
        this.committed = committed;
        this.store = store;
        this.metrics = metrics;
        this.group = new GroupCommit<>("steppe-accounting-writer", maxBatch, queueCapacity, Duration.ZERO, nanoTime, this::commit,
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
            store.commitAll(dsl, records);
            tell(records);
            metrics.accountingBatch(batch.size());
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException batchFailure) {
            if (databaseUnreachable(batchFailure)) {
                // Retrying one by one would wait for a connection once per record; fail them together.
                failAll(batch, batchFailure);
                return;
            }
            oneByOne(batch, batchFailure);
        }
    }

    /**
     * After a batch failed for another reason than an outage (most often one record's data): each record in a
     * transaction of its own, so that the others are saved. Applying a record again is harmless, even if the batch
     * stored it before it failed. A record the database refuses for its data is failed with {@link Refused}, never
     * acknowledged; if the database goes away meanwhile, the rest fail at once as in an outage.
     */
    private void oneByOne(List<Pending<AccountingRecord>> batch, RuntimeException batchFailure) {
        int refused = 0;
        int lost = 0;
        for (int i = 0; i < batch.size(); i++) {
            Pending<AccountingRecord> p = batch.get(i);
            try {
                store.commitAll(dsl, List.of(p.item()));
                tell(List.of(p.item()));
                metrics.accountingBatch(1);
                p.done().complete(null);
            } catch (RuntimeException e) {
                if (databaseUnreachable(e)) {
                    failAll(batch.subList(i, batch.size()), e);
                    return;
                }
                if (dataError(e)) {
                    refused++;
                    p.done().completeExceptionally(new Refused(e));
                } else {
                    lost++;
                    p.done().completeExceptionally(e);
                }
            }
        }
        if (refused > 0) {
            LOG.warn("{} accounting record(s) refused by the database for their values, the other {} of their batch saved: {}",
                    refused, batch.size() - refused - lost, firstLine(batchFailure));
        }
        if (lost > 0) {
            LOG.warn("{} accounting record(s) not saved, their gateways will retransmit: {}", lost, firstLine(batchFailure));
        }
    }

    private static void failAll(List<Pending<AccountingRecord>> batch, RuntimeException failure) {
        batch.forEach(p -> p.done().completeExceptionally(failure));
        LOG.warn("{} accounting record(s) not saved, the database is unreachable; their gateways will retransmit", batch.size());
    }

    /** Whatever the listener does wrong, the records are saved and will be acknowledged. */
    private void tell(List<AccountingRecord> records) {
        try {
            committed.accept(records);
        } catch (RuntimeException e) {
            LOG.warn("After saving accounting: {}", e.toString());
        }
    }

    /** A data exception (SQLSTATE class 22) or an integrity constraint violation (23): the record's fault, not the database's. */
    private static boolean dataError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
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
