package io.steppe.radius.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DuplicateCacheTest {

    final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    final DuplicateCache cache = new DuplicateCache(Duration.ofSeconds(30), now::get);
    final InetSocketAddress gateway = new InetSocketAddress("127.0.0.1", 40000);
    final byte[] request = io.steppe.radius.packet.RfcPackets.PAP_REQUEST;

    @Test
    void retransmissionWhileInFlightIsIgnoredAndAfterwardsGetsTheSameBytes() {
        assertInstanceOf(DuplicateCache.Seen.First.class, cache.check(gateway, request));
        assertInstanceOf(DuplicateCache.Seen.InFlight.class, cache.check(gateway, request));
        byte[] reply = {2, 0, 0, 20};
        cache.answered(gateway, request, reply);
        DuplicateCache.Seen again = cache.check(gateway, request);
        assertArrayEquals(reply, ((DuplicateCache.Seen.Answered) again).reply());
    }

    @Test
    void sameIdFromAnotherPortOrWithAnotherAuthenticatorIsANewRequest() {
        cache.check(gateway, request);
        assertInstanceOf(DuplicateCache.Seen.First.class, cache.check(new InetSocketAddress("127.0.0.1", 40001), request));
        byte[] other = request.clone();
        other[10] ^= 1;
        assertInstanceOf(DuplicateCache.Seen.First.class, cache.check(gateway, other));
    }

    @Test
    void answersExpireAfterTheTtlAndForgottenRequestsAreHandledAfresh() {
        cache.check(gateway, request);
        cache.answered(gateway, request, new byte[] {2});
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertInstanceOf(DuplicateCache.Seen.First.class, cache.check(gateway, request), "expired");
        cache.forget(gateway, request);
        assertInstanceOf(DuplicateCache.Seen.First.class, cache.check(gateway, request), "forgotten");
        cache.answered(gateway, request, new byte[] {2});
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        cache.sweep();
        assertEquals(0, cache.size());
    }

    @Test
    void aReusedIdentifierReplacesTheRequestBeforeItSoTheCacheStaysBounded() {
        byte[] first = request.clone();
        cache.check(gateway, first);
        byte[] reused = request.clone();
        reused[10] ^= 1;
        assertInstanceOf(DuplicateCache.Seen.First.class, cache.check(gateway, reused));
        cache.answered(gateway, first, new byte[] {2, 1});
        assertInstanceOf(DuplicateCache.Seen.InFlight.class, cache.check(gateway, reused), "the late answer to the first is not the second's");
        cache.answered(gateway, reused, new byte[] {2, 2});
        assertArrayEquals(new byte[] {2, 2}, ((DuplicateCache.Seen.Answered) cache.check(gateway, reused)).reply());
        for (int i = 0; i < 10_000; i++) {
            byte[] next = request.clone();
            next[1] = (byte) i;
            next[4] = (byte) (i >>> 8);
            cache.check(gateway, next);
        }
        assertEquals(256, cache.size(), "one entry per identifier of this socket");
    }
}
