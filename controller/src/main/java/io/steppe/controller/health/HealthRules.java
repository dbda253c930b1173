package io.steppe.controller.health;

import java.time.Duration;
import java.util.Optional;

/**
 * When an AP counts as down or degraded, and how long a condition must hold before its state changes.
 *
 * @param missedIntervals heartbeat intervals of silence after which an AP is down (3)
 * @param downHold        how long silence must last beyond that before DOWN or UNREACHABLE is declared (0: the
 *                        missed intervals are the hold)
 * @param degradedHold    how long a figure must stay beyond its threshold before DEGRADED (60 s)
 * @param recoverHold     how long an AP must stay healthy before it is UP again (60 s); a relapse within it is a flap
 * @param thresholds      the figures
 */
public record HealthRules(int missedIntervals, Duration downHold, Duration degradedHold, Duration recoverHold,
                          Thresholds thresholds) {

    /**
     * Figures beyond which an AP is degraded.
     *
     * @param channelUtilization share of airtime busy on the busiest radio (0.8)
     * @param noiseDbm           noise floor above which a radio is noisy (-75 dBm)
     * @param retries            share of frames retried (0.3)
     * @param backhaulLoss       share of uplink probes lost (0.05)
     * @param backhaulRttMs      uplink round trip (150 ms)
     * @param cpuLoad            share of CPU busy (0.9)
     * @param memory             share of memory used (0.9)
     * @param clients            associated clients (60)
     * @param minimumFirmware    the oldest firmware still accepted, compared by dotted numbers; none by default
     */
    public record Thresholds(double channelUtilization, double noiseDbm, double retries, double backhaulLoss,
                             double backhaulRttMs, double cpuLoad, double memory, int clients, Optional<String> minimumFirmware) {
        public static Thresholds defaults() {
            return new Thresholds(0.8, -75, 0.3, 0.05, 150, 0.9, 0.9, 60, Optional.empty());
        }
    }

    public HealthRules {
        if (missedIntervals < 1 || missedIntervals > 100) {
            throw new IllegalArgumentException("missed intervals must be 1..100, was " + missedIntervals);
        }
        for (Duration d : new Duration[] {downHold, degradedHold, recoverHold}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a hold time cannot be negative");
            }
        }
    }

    public static HealthRules defaults() {
        return new HealthRules(3, Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(60), Thresholds.defaults());
    }

    /** The same rules, with firmware older than {@code version} counted as behind. */
    public HealthRules withMinimumFirmware(String version) {
        Thresholds t = thresholds;
        return new HealthRules(missedIntervals, downHold, degradedHold, recoverHold, new Thresholds(t.channelUtilization(), t.noiseDbm(),
                t.retries(), t.backhaulLoss(), t.backhaulRttMs(), t.cpuLoad(), t.memory(), t.clients(), java.util.Optional.of(version)));
    }

    /** How long a condition leading to {@code to} must hold. */
    Duration hold(ApState from, ApState to) {
        if (from == ApState.UNKNOWN) {
            return Duration.ZERO;
        }
        return switch (to) {
            case DOWN, UNREACHABLE -> downHold;
            case DEGRADED -> from.isProblem() ? recoverHold : degradedHold;
            case UP, UNKNOWN -> recoverHold;
        };
    }
}
