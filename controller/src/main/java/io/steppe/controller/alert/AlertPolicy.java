package io.steppe.controller.alert;

import java.time.Duration;

/**
 * When APs' problems become one alert for their gateway (or site, for APs without a gateway), and how long an
 * AP's own alert waits for such a group to form.
 *
 * @param groupMinAps at least this many APs of a gateway or site down (3)
 * @param groupShare  and at least this share of its APs (0.5)
 * @param groupWait   an AP's alert opens only after its problem has lasted this long (30 s), so that a gateway
 *                    whose APs fall silent one after another pages once, not once per AP
 */
public record AlertPolicy(int groupMinAps, double groupShare, Duration groupWait) {

    public AlertPolicy {
        if (groupMinAps < 2) {
            throw new IllegalArgumentException("a group needs at least 2 APs, was " + groupMinAps);
        }
        if (!(groupShare > 0 && groupShare <= 1)) {
            throw new IllegalArgumentException("group share must be in (0, 1], was " + groupShare);
        }
    }

    public static AlertPolicy defaults() {
        return new AlertPolicy(3, 0.5, Duration.ofSeconds(30));
    }
}
