package io.steppe.radius.auth;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices let back in by MAC authentication, as this server last committed them. Only this server's
 * authentications remember devices, so an entry here is what the database holds; a device not here is
 * looked up in the database.
 */
final class RememberedDevices {

    /** Whose device it is, until when it is let in, and the voucher whose rules it keeps, if the subscriber has one. */
    record Remembered(long subscriberId, OffsetDateTime expiresAt, Optional<String> voucher) {
    }

    private final Map<String, Remembered> devices = new ConcurrentHashMap<>();

    Optional<Remembered> find(String mac) {
        return Optional.ofNullable(devices.get(mac));
    }

    void put(String mac, Remembered remembered) {
        devices.put(mac, remembered);
    }

    void sweep(OffsetDateTime now) {
        devices.values().removeIf(d -> !d.expiresAt().isAfter(now));
    }

    int size() {
        return devices.size();
    }
}
