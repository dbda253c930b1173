package io.steppe.controller.heartbeat;

import io.steppe.controller.ap.ApRepository;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which AP a heartbeat token belongs to. A token once matched is remembered (keyed by the token itself, which
 * never leaves memory), so that the hot path asks the database only for a token it has not seen; a rotated token
 * is forgotten by {@link #forget}.
 */
public final class ApTokens {

    private static final int MAX_REMEMBERED = 1_000_000;

    private final ApRepository aps;
    private final ConcurrentMap<String, String> known = new ConcurrentHashMap<>();

    public ApTokens(ApRepository aps) {
        this.aps = aps;
    }

    /** @throws HeartbeatRejected {@code UNAUTHORIZED} for a missing, malformed or unknown token */
    public String apOf(Optional<String> authorization) {
        String token = authorization.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim())
                .filter(t -> t.length() >= 16 && t.length() <= 128)
                .orElseThrow(() -> new HeartbeatRejected(HeartbeatRejected.Kind.UNAUTHORIZED,
                        "send the AP's heartbeat token as Authorization: Bearer TOKEN"));
        String ap = known.get(token);
        if (ap != null) {
            return ap;
        }
        String owner = aps.ownerOfToken(token).orElseThrow(() -> new HeartbeatRejected(HeartbeatRejected.Kind.UNAUTHORIZED,
                "unknown AP token (register the AP with 'steppe ap add' and use the token it prints)"));
        if (known.size() < MAX_REMEMBERED) {
            known.put(token, owner);
        }
        return owner;
    }

    /** Forgets the tokens of an AP whose token was replaced. */
    public void forget(String apId) {
        known.values().removeIf(apId::equals);
    }
}
