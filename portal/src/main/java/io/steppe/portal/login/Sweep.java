package io.steppe.portal.login;

import static org.jooq.impl.DSL.select;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * Lets one request per interval do the housekeeping (deleting old rows) that would cost every request a
 * statement if each did it.
 */
public final class Sweep {

    /** Rows deleted by one sweep at most: enough for thousands of logins a second between sweeps. */
    private static final int AT_MOST = 10_000;

    private final Duration every;
    private final AtomicReference<Instant> next = new AtomicReference<>(Instant.MIN);

    public Sweep(Duration every) {
        this.every = every;
    }

    /**
     * When the request at {@code now} is the one to sweep, deletes within {@code tx} the rows of {@code table}
     * that {@code old} selects (up to {@link #AT_MOST}), each found by its {@code key}. Rows another request is
     * already deleting are skipped: waiting for them would queue this request behind that one's commit.
     */
    public <R extends Record, K> void deleteIfDue(DSLContext tx, Instant now, Table<R> table, TableField<R, K> key, Condition old) {
        if (due(now)) {
            tx.deleteFrom(table).where(key.in(select(key).from(table).where(old).limit(AT_MOST).forUpdate().skipLocked())).execute();
        }
    }

    /** Whether the request at {@code now} is the one to sweep; concurrent requests never both are. */
    boolean due(Instant now) {
        Instant due = next.get();
        return !now.isBefore(due) && next.compareAndSet(due, now.plus(every));
    }
}
