package io.steppe.radius.auth;

import io.steppe.db.net.MacAddress;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A device let back in by MAC authentication on the gateway where it logged in.
 *
 * @param mac          the device
 * @param nasId        the gateway it logged in on, the only one it is let back in on
 * @param subscriberId whose allowance it is charged to
 * @param expiresAt    until when it is let in
 * @param voucher      the code hash of the voucher whose rules it keeps, when its subscriber is a voucher
 */
record RememberedDevice(MacAddress mac, long nasId, long subscriberId, OffsetDateTime expiresAt, Optional<String> voucher) {
}
