package io.steppe.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * What a run measured: counts for the requests sent in the measured period, their latencies, and the CPU time the
 * generator (and, when asked, the server) used over that period.
 *
 * @param transport "epoll" or "nio"
 * @param behind in rate mode, requests that were due while the window was full and were not sent
 */
public record BenchResult(String transport, Duration measured, long sent, long accepted, long rejected, long accountingResponses,
                          long otherReplies, long lost, long behind, long invalid, long unmatched, long errors,
                          Latency latency, Optional<Duration> clientCpu, Optional<Duration> serverCpu) {

    /** Latency percentiles of the answered measured requests, in nanoseconds. */
    public record Latency(long p50, long p90, long p99, long p999, long max) {
    }

    static BenchResult of(String transport, Duration measured, Tally tally, LatencyHistogram histogram, Optional<Duration> clientCpu,
                          Optional<Duration> serverCpu) {
        Latency latency = new Latency(histogram.valueAt(0.50), histogram.valueAt(0.90), histogram.valueAt(0.99),
                histogram.valueAt(0.999), histogram.max());
        return new BenchResult(transport, measured, tally.sent, tally.accepted, tally.rejected, tally.accountingResponses,
                tally.otherReplies, tally.lost, tally.behind, tally.invalid, tally.unmatched, tally.errors, latency,
                clientCpu, serverCpu);
    }

    public long answered() {
        return accepted + rejected + accountingResponses + otherReplies;
    }

    /** Answered requests per second of the measured period. */
    public double perSecond() {
        return measured.isZero() ? 0 : answered() * 1e9 / measured.toNanos();
    }
}
