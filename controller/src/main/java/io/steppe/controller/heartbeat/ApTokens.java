package io.steppe.controller.heartbeat;

import io.steppe.controller.ap.ApRepository;
import io.steppe.web.Tokens;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Which AP a heartbeat token belongs to, by the token's SHA-256 (the token itself is never kept). Every AP's hash is
 * held in memory and read again from the database every 30 s, so the hot path needs no query and a replaced token
 * stops working within that time; a hash not (yet) in memory, such as a new AP's, is looked up once.
 */
public final class ApTokens {

    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_LEARNED = 1_000_000;

    private final ApRepository aps;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Map<ByteBuffer, String> known = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private volatile long refreshedAt;

    /** @param nanoTime a monotonic ticker ({@code System::nanoTime} in production) that paces the refresh */
    public ApTokens(ApRepository aps, LongSupplier nanoTime) {
        this.aps = aps;
        this.nanoTime = nanoTime;
        this.refreshedAt = nanoTime.getAsLong() - REFRESH_NANOS;
    }

    /** @throws HeartbeatRejected {@code UNAUTHORIZED} for a missing, malformed or unknown token */
    public String apOf(Optional<String> authorization) {
        String token = authorization.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim())
                .filter(t -> t.length() >= 16 && t.length() <= 128)
                .orElseThrow(() -> new HeartbeatRejected(HeartbeatRejected.Kind.UNAUTHORIZED,
                        "send the AP's heartbeat token as Authorization: Bearer TOKEN"));
        refreshIfStale();
        ByteBuffer hash = ByteBuffer.wrap(Tokens.hash(token));
        String ap = known.get(hash);
        if (ap != null) {
            return ap;
        }
        String owner = aps.ownerOfTokenHash(hash.array()).orElseThrow(() -> new HeartbeatRejected(HeartbeatRejected.Kind.UNAUTHORIZED,
                "unknown AP token (register the AP with 'steppe ap add' and use the token it prints)"));
        if (known.size() < MAX_LEARNED) {
            known.put(hash, owner);
        }
        return owner;
    }

    private void refreshIfStale() {
        if (nanoTime.getAsLong() - refreshedAt < REFRESH_NANOS || !refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            known = new ConcurrentHashMap<>(aps.tokenHashes());
        } catch (RuntimeException e) {
            // The database is unreachable; the tokens known so far keep working and the heartbeat write will tell.
        } finally {
            refreshedAt = nanoTime.getAsLong();
            refreshing.set(false);
        }
    }
}
