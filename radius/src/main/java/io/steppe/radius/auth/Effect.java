package io.steppe.radius.auth;

import io.steppe.db.net.MacAddress;

/**
 * A write an accepted Access-Request implies, made by {@link EffectWriter} in the transaction that decided it. The
 * rules decide from rows that another node may change meanwhile; an effect that finds them changed is lost, and the
 * attempt refused ({@link HotspotRules#lostRace}).
 */
sealed interface Effect {

    /** The device is bound to the voucher, if the voucher still has room for it. */
    record DeviceBound(String voucher, MacAddress device, int maxDevices) implements Effect {
    }

    /** The voucher's first use is recorded; the first node to record it wins, and nobody loses. */
    record VoucherUsed(String voucher) implements Effect {
    }

    /** The one-time credential is spent, if nobody spent it first. */
    record CredentialSpent(String username) implements Effect {
    }

    /** The device is let back in by MAC authentication until it expires. */
    record DeviceRemembered(RememberedDevice device) implements Effect {
    }
}
