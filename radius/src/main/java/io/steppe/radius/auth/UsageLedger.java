package io.steppe.radius.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Each subscriber's usage as last read from the sessions, so that a returning device is answered without
 * asking the database. Every commit of this node's accounting forgets the subscribers it touched, so an entry is
 * never older than the last record this node saved for them. A value read from the database while a commit was
 * forgetting is not kept (the generation moved). Sessions saved by another node, or changed from outside, are
 * seen once the entry is older than {@code maxAge}.
 */
final class UsageLedger {

    private record Entry(Usage.Used used, Usage.Window window, long readAtNanos) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
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

    /** Taken before reading usage from the database, and handed to {@link #keep}. */
    long generation() {
        return generation.get();
    }

    /** Keeps what was read, unless sessions were saved since {@code generationBeforeRead}. */
    void keep(long subscriberId, Usage.Window window, Usage.Used used, long generationBeforeRead) {
        Entry entry = new Entry(used, window, nanoTime.getAsLong());
        entries.put(subscriberId, entry);
        if (generation.get() != generationBeforeRead) {
            entries.remove(subscriberId, entry);
        }
    }

    void forget(long subscriberId) {
        generation.incrementAndGet();
        entries.remove(subscriberId);
    }

    void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
