package io.steppe.radius.auth;

import io.steppe.db.net.MacAddress;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices let back in by MAC authentication, each on the gateway where it logged in, as this server last committed
 * them. Only this server's authentications remember devices, so an entry here is what the database holds; a device
 * not here (or not for this gateway) is looked up in the database.
 */
final class RememberedDevices {

    /** Whose device it is, until when it is let in, and the voucher whose rules it keeps, if the subscriber has one. */
    record Remembered(long subscriberId, OffsetDateTime expiresAt, Optional<String> voucher) {
    }

    private record Key(MacAddress mac, long nasId) {
    }

    private final Map<Key, Remembered> devices = new ConcurrentHashMap<>();

    Optional<Remembered> find(MacAddress mac, long nasId) {
        return Optional.ofNullable(devices.get(new Key(mac, nasId)));
    }

    void put(MacAddress mac, long nasId, Remembered remembered) {
        devices.put(new Key(mac, nasId), remembered);
    }

    void sweep(OffsetDateTime now) {
        devices.values().removeIf(d -> !d.expiresAt().isAfter(now));
    }

    int size() {
        return devices.size();
    }
}
