package io.steppe.radius.auth;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each key of one kind (a subscriber's usage, a voucher, a device) was last invalidated, on a sequence that
 * every invalidation moves on. Kept per stripe of keys rather than per key, so that it never grows: two keys that
 * share a stripe only cost a decision the keeping of what it read, never correctness.
 *
 * <p>Per key, and not one count for the whole cache, because other nodes' accounting invalidates some subscriber
 * every millisecond or so under load: with one count, a decision that read the database could seldom keep what it
 * read, and a subscriber new to this node would go to the database login after login.
 */
final class Invalidations {

    private static final int STRIPES = 4096;

    private final AtomicLong sequence;
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    private final AtomicLong all = new AtomicLong();

    /** @param sequence shared by every kind, so that one reading of it dates a decision for all of them */
    Invalidations(AtomicLong sequence) {
        this.sequence = sequence;
    }

    /** Marks the key invalidated now; the caller drops its entry afterwards. */
    void mark(Object key) {
        stripes.accumulateAndGet(stripe(key), sequence.incrementAndGet(), Math::max);
    }

    /** Marks every key invalidated now. */
    void markAll() {
        all.accumulateAndGet(sequence.incrementAndGet(), Math::max);
    }

    /** Whether the key may have been invalidated after the sequence stood at {@code read}. */
    boolean since(Object key, long read) {
        return all.get() > read || stripes.get(stripe(key)) > read;
    }

    private static int stripe(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
