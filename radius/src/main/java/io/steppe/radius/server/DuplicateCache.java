package io.steppe.radius.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Duplicate detection of RFC 5080 §2.2.2: a request is the same when it comes from the same address and
 * port with the same code, identifier and Request Authenticator. A duplicate of a request still being
 * worked on is ignored; one of an answered request gets the cached reply, byte for byte. As in FreeRADIUS,
 * a request that reuses an identifier with a new authenticator replaces the one before (its sender has
 * given up on it), so the cache holds at most 256 requests per code and sending socket, however fast the
 * gateway. Time comes from {@code nanoTime} so that tests move it.
 */
public final class DuplicateCache {

    /** What a request's key is known for. */
    public sealed interface Seen {
        /** Not seen before: now recorded as in flight. */
        record First() implements Seen {
        }

        /** Seen and still being worked on. */
        record InFlight() implements Seen {
        }

        /** Seen and answered with these bytes. */
        record Answered(byte[] reply) implements Seen {
        }
    }

    private record Key(InetSocketAddress source, int codeAndIdentifier) {
    }

    private static final class Entry {
        final byte[] authenticator;
        volatile byte[] reply;
        volatile long expiresAt;

        Entry(byte[] packet) {
            this.authenticator = Arrays.copyOfRange(packet, 4, 20);
        }

        boolean isFor(byte[] packet) {
            return Arrays.equals(authenticator, 0, 16, packet, 4, 20);
        }
    }

    private static final Seen.First FIRST = new Seen.First();
    private static final Seen.InFlight IN_FLIGHT = new Seen.InFlight();

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    /** @param ttl how long an answer is kept for retransmissions (FreeRADIUS: cleanup_delay, 5 s; gateways retry for longer) */
    public DuplicateCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Looks the request up and, when it is new, records it as in flight. */
    public Seen check(InetSocketAddress source, byte[] packet) {
        Key key = key(source, packet);
        Entry fresh = new Entry(packet);
        while (true) {
            Entry existing = entries.putIfAbsent(key, fresh);
            if (existing == null) {
                return FIRST;
            }
            if (!existing.isFor(packet)) {
                if (entries.replace(key, existing, fresh)) {
                    return FIRST;
                }
                continue; // another thread changed it meanwhile: look again
            }
            byte[] reply = existing.reply;
            if (reply == null) {
                return IN_FLIGHT;
            }
            if (existing.expiresAt - nanoTime.getAsLong() < 0) {
                return entries.replace(key, existing, fresh) ? FIRST : IN_FLIGHT;
            }
            return new Seen.Answered(reply);
        }
    }

    /** Records the reply sent, for retransmissions within the TTL. */
    public void answered(InetSocketAddress source, byte[] packet, byte[] reply) {
        Entry entry = entries.get(key(source, packet));
        if (entry != null && entry.isFor(packet)) {
            entry.expiresAt = nanoTime.getAsLong() + ttlNanos;
            entry.reply = reply; // written last: a reader that sees the reply sees its expiry
        }
    }

    /** Forgets a request that got no reply (dropped), so that its retransmission is handled afresh. */
    public void forget(InetSocketAddress source, byte[] packet) {
        Key key = key(source, packet);
        Entry entry = entries.get(key);
        if (entry != null && entry.isFor(packet)) {
            entries.remove(key, entry);
        }
    }

    /** Removes expired answers; called periodically. */
    public void sweep() {
        long now = nanoTime.getAsLong();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.reply != null && e.expiresAt - now < 0) {
                it.remove();
            }
        }
    }

    public int size() {
        return entries.size();
    }

    private static Key key(InetSocketAddress source, byte[] packet) {
        return new Key(source, (packet[0] & 0xff) << 8 | packet[1] & 0xff);
    }
}
