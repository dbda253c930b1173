package io.steppe.radius.packet;

/**
 * What every accepted session gets besides its remaining allowance.
 *
 * @param idleTimeout          seconds without traffic before the gateway ends the session
 * @param interimInterval      seconds between Interim-Updates; at least 60, CoovaChilli ignores less
 * @param bandwidthUpBps       upload limit in bit/s
 * @param bandwidthDownBps     download limit in bit/s
 */
public record SessionGrant(int idleTimeout, int interimInterval, long bandwidthUpBps, long bandwidthDownBps) {

    public SessionGrant {
        if (interimInterval < 60) {
            throw new IllegalArgumentException("interim interval must be at least 60 s (CoovaChilli ignores less), was " + interimInterval);
        }
        if (idleTimeout < 0 || bandwidthUpBps < 0 || bandwidthDownBps < 0) {
            throw new IllegalArgumentException("idle timeout and bandwidths cannot be negative");
        }
    }
}
