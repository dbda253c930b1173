package io.steppe.web.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When console logins stop being checked: after {@code allowed} failures within {@code memory} for one account
 * (or one client address), the next try waits {@code firstWait} from the last failure, doubling with each further
 * failure up to {@code longestWait}. A guesser gets about a dozen tries an hour per account and per address; the
 * account's owner, after a few typos, waits half a minute.
 */
public record ThrottlePolicy(int allowed, Duration memory, Duration firstWait, Duration longestWait) {

    public ThrottlePolicy {
        if (allowed < 1 || memory.isNegative() || memory.isZero() || firstWait.isNegative() || longestWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("throttle needs allowed >= 1, a memory and firstWait <= longestWait");
        }
    }

    /** Five failures, remembered an hour; then 30 s, 1 min, 2 min … up to 15 min. */
    public static ThrottlePolicy standard() {
        return new ThrottlePolicy(5, Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    /**
     * How long the next try must wait, given the failures of one account or one address within {@link #memory()}
     * before {@code now}; empty when it may go ahead.
     */
    public Optional<Duration> delay(List<Instant> failures, Instant now) {
        Instant since = now.minus(memory);
        List<Instant> recent = failures.stream().filter(at -> at.isAfter(since)).sorted().toList();
        if (recent.size() < allowed) {
            return Optional.empty();
        }
        int doublings = Math.min(recent.size() - allowed, 30);
        Duration lock = firstWait.multipliedBy(1L << doublings);
        if (lock.compareTo(longestWait) > 0) {
            lock = longestWait;
        }
        Duration left = Duration.between(now, recent.get(recent.size() - 1).plus(lock));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
