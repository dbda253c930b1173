package io.steppe.ops.web;

import java.time.Instant;

/** Where a voucher stands, as the console shows it (translated, key {@code VoucherState.NAME}). */
public enum VoucherState {
    /** Nobody has logged in with it yet. */
    UNUSED,
    /** Someone has, and it has time left. */
    IN_USE,
    /** Its minutes are used up. */
    SPENT,
    /** Its validity ended. */
    EXPIRED,
    /** Revoked on the console: RADIUS refuses it. */
    REVOKED;

    /** The state of a voucher, the most final first: revoked, then expired, then spent. */
    static VoucherState of(boolean revoked, Instant validUntil, boolean used, long secondsUsed, int minutes, Instant now) {
        if (revoked) {
            return REVOKED;
        }
        if (!validUntil.isAfter(now)) {
            return EXPIRED;
        }
        if (secondsUsed >= minutes * 60L) {
            return SPENT;
        }
        return used ? IN_USE : UNUSED;
    }

    /** Whether revoking it would change anything. */
    public boolean revocable() {
        return this == UNUSED || this == IN_USE;
    }
}
