package io.steppe.portal.login;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets one request per interval do the housekeeping (deleting old rows) that would cost every request a
 * statement if each did it.
 */
public final class Sweep {

    private final Duration every;
    private final AtomicReference<Instant> next = new AtomicReference<>(Instant.MIN);

    public Sweep(Duration every) {
        this.every = every;
    }

    /** Whether the request at {@code now} is the one to sweep; concurrent requests never both are. */
    public boolean due(Instant now) {
        Instant due = next.get();
        return !now.isBefore(due) && next.compareAndSet(due, now.plus(every));
    }
}
