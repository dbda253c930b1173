package io.steppe.radius.auth;

import io.steppe.db.net.MacAddress;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * A voucher's terms and the devices already bound to it, as committed when they were read.
 *
 * @param codeHash     the code's keyed hash, as stored ({@link io.steppe.db.keys.SecretKeys#voucherHash})
 * @param subscriberId the subscriber the voucher is: its sessions are charged to it
 * @param minutes      online time it gives, across all its sessions
 * @param validUntil   when it stops letting anyone in
 * @param maxDevices   how many devices may be bound to it
 * @param used         whether anyone has been let in by it yet
 * @param devices      the devices bound to it
 * @param revoked      whether the console revoked it (a lost sheet): it lets no one in and has no time left
 */
record Voucher(String codeHash, long subscriberId, int minutes, OffsetDateTime validUntil, int maxDevices, boolean used,
               Set<MacAddress> devices, boolean revoked) {

    Voucher {
        devices = Set.copyOf(devices);
    }

    /** A voucher in force (not revoked). */
    Voucher(String codeHash, long subscriberId, int minutes, OffsetDateTime validUntil, int maxDevices, boolean used,
            Set<MacAddress> devices) {
        this(codeHash, subscriberId, minutes, validUntil, maxDevices, used, devices, false);
    }

    Voucher withDevice(MacAddress device) {
        Set<MacAddress> more = new HashSet<>(devices);
        more.add(device);
        return new Voucher(codeHash, subscriberId, minutes, validUntil, maxDevices, used, more, revoked);
    }

    Voucher firstUsed() {
        return new Voucher(codeHash, subscriberId, minutes, validUntil, maxDevices, true, devices, revoked);
    }
}
