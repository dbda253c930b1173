package io.steppe.radius.auth;

import io.steppe.radius.packet.SessionGrant;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The free-Wi-Fi policy.
 *
 * @param dailyAllowance     time each subscriber gets per day, across all devices (default 120 min)
 * @param dailyOctets        data each subscriber gets per day (default 1 GiB)
 * @param maxDevicesOnline   simultaneous sessions per phone subscriber (vouchers: their device count)
 * @param rememberDevice     how long a device that logged in is let back in by MAC authentication
 * @param zone               where "a day" begins and ends (Ulanqab: Asia/Shanghai)
 * @param grant              idle timeout, interim interval and bandwidth of every session
 */
public record AccessPolicyConfig(Duration dailyAllowance, long dailyOctets, int maxDevicesOnline, Duration rememberDevice,
                                 ZoneId zone, SessionGrant grant) {

    public static AccessPolicyConfig defaults() {
        return new AccessPolicyConfig(Duration.ofMinutes(120), 1L << 30, 3, Duration.ofDays(7), ZoneId.of("Asia/Shanghai"),
                new SessionGrant(900, 300, 2_000_000, 8_000_000));
    }
}
