package io.steppe.radius.transport;

import java.time.Duration;

/**
 * How the RADIUS server listens and works.
 *
 * @param bindAddress      where to listen; {@code ::} or {@code 0.0.0.0} listens on every IPv4 and IPv6 address
 * @param authPort         authentication (1812), 0 for any free port
 * @param acctPort         accounting (1813), 0 for any free port
 * @param eventLoops       Netty event-loop threads (small and fixed: they only decode and hand over)
 * @param workers          threads that may block on the database for authentication
 * @param workQueue        authentication requests that may wait for a worker; beyond it they are dropped
 * @param accountingBatch  the most accounting records committed in one transaction
 * @param accountingQueue  accounting records that may wait for the writer; beyond it they are dropped
 * @param duplicateTtl     how long a reply is kept for retransmissions
 */
public record RadiusServerConfig(String bindAddress, int authPort, int acctPort, int eventLoops, int workers, int workQueue,
                                 int accountingBatch, int accountingQueue, Duration duplicateTtl) {

    public RadiusServerConfig {
        if (eventLoops < 1 || workers < 1 || workQueue < 1 || accountingBatch < 1 || accountingQueue < 1) {
            throw new IllegalArgumentException("thread and queue sizes must be positive");
        }
    }

    public static RadiusServerConfig defaults(String bindAddress, int authPort, int acctPort) {
        return new RadiusServerConfig(bindAddress, authPort, acctPort, 2, 16, 4096, 1000, 20_000, Duration.ofSeconds(30));
    }
}
