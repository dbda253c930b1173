package io.steppe.portal.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Codes sent through each gateway in the last minute, so that a gateway cannot pump SMS through the portal.
 * In memory: counting in the database meant either counting every code a busy gateway sent (a cost that grew
 * with the traffic) or a counter row that every request for a code locked in turn. A restart forgets at most
 * one minute of one gateway's codes; the limits per number and per device, which matter to a victim, are kept
 * in the database.
 */
final class GatewayThrottle {

    private final int perMinute;
    private final Clock clock;
    /** One entry per registered gateway that has sent a code, so bounded by the gateway table. */
    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();

    GatewayThrottle(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("the per-gateway SMS limit must be at least 1, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a code about to be sent through {@code gateway}, unless the gateway has had its minute's share. */
    boolean tryCount(String gateway) {
        Deque<Instant> recent = sent.computeIfAbsent(gateway, g -> new ArrayDeque<>());
        Instant now = clock.instant();
        synchronized (recent) {
            Instant horizon = now.minusSeconds(60);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
                recent.removeFirst();
            }
            if (recent.size() >= perMinute) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }

    /** Takes back a {@link #tryCount} whose code was not sent after all. */
    void uncount(String gateway) {
        Deque<Instant> recent = sent.get(gateway);
        if (recent != null) {
            synchronized (recent) {
                recent.pollLast();
            }
        }
    }
}
