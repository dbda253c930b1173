package io.steppe.radius.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Each subscriber's usage as last read from the sessions, so that a returning device is answered without
 * asking the database. Every commit of accounting, on any node, forgets the subscribers it touched (this node's
 * when it commits, the others' when their notice arrives), so an entry is never older than the last record saved
 * for them by more than a notice's delay. Any entry is read afresh after {@code maxAge} all the same, in case a
 * notice was lost.
 */
final class UsageLedger {

    /** One subscriber's usage as read; {@link #discard} takes it back only if it is still the one kept. */
    record Entry(Usage.Used used, Usage.Window window, long readAtNanos) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final long maxAgeNanos;

    UsageLedger(LongSupplier nanoTime, java.time.Duration maxAge) {
        this.nanoTime = nanoTime;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The usage counted over {@code window}, if known and current. */
    Optional<Usage.Used> find(long subscriberId, Usage.Window window) {
        Entry e = entries.get(subscriberId);
        if (e == null || !e.window().equals(window)
                || nanoTime.getAsLong() - e.readAtNanos() > maxAgeNanos) {
            return Optional.empty();
        }
        return Optional.of(e.used());
    }

    Entry keep(long subscriberId, Usage.Window window, Usage.Used used) {
        Entry entry = new Entry(used, window, nanoTime.getAsLong());
        entries.put(subscriberId, entry);
        return entry;
    }

    void discard(long subscriberId, Entry entry) {
        entries.remove(subscriberId, entry);
    }

    void forget(long subscriberId) {
        entries.remove(subscriberId);
    }

    void forgetAll() {
        entries.clear();
    }
}
