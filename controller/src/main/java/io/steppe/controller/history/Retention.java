package io.steppe.controller.history;

import java.time.Duration;

/**
 * How long each resolution of history is kept.
 *
 * @param raw        every heartbeat (48 h)
 * @param fiveMinute 5-minute averages (30 days)
 * @param hourly     hourly averages and every change of state (365 days); their months are also dropped once past
 *                   the retention window ({@link io.steppe.db.retention.PartitionMaintenance}), whichever comes first
 */
public record Retention(Duration raw, Duration fiveMinute, Duration hourly) {

    public Retention {
        if (raw.compareTo(Duration.ofMinutes(10)) < 0 || fiveMinute.compareTo(raw) < 0 || hourly.compareTo(fiveMinute) < 0) {
            throw new IllegalArgumentException("history retention must grow from raw (at least 10 minutes) to 5-minute to hourly");
        }
    }

    public static Retention defaults() {
        return new Retention(Duration.ofHours(48), Duration.ofDays(30), Duration.ofDays(365));
    }
}
