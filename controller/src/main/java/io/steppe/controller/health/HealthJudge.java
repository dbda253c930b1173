package io.steppe.controller.health;

import io.steppe.controller.heartbeat.Heartbeat;
import io.steppe.controller.heartbeat.HeartbeatWriter.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** What the evidence says of one AP right now, before any hold: a pure function, tested without a clock or socket. */
public final class HealthJudge {

    /** What a TCP probe of the management port found, if one was made. */
    public enum Probe { NOT_PROBED, ANSWERED, FAILED }

    private final HealthRules rules;
    private final Instant listeningSince;

    /**
     * @param listeningSince when heartbeats started being taken in: silence is counted from then at the earliest, so
     *                       that a restarted controller does not take its own downtime for every AP's silence
     */
    public HealthJudge(HealthRules rules, Instant listeningSince) {
        this.rules = rules;
        this.listeningSince = listeningSince;
    }

    /** Whether an AP last heard at {@code latest} has been silent too long at {@code now}. */
    public boolean silent(Received latest, Instant now) {
        Instant heard = latest.receivedAt().isAfter(listeningSince) ? latest.receivedAt() : listeningSince;
        return Duration.between(heard, now).compareTo(latest.heartbeat().interval().multipliedBy(rules.missedIntervals())) > 0;
    }

    public Condition judge(Optional<Received> latest, Instant now, Probe probe, int activeUsers) {
        if (latest.isEmpty()) {
            return Condition.NEVER_SEEN;
        }
        if (silent(latest.get(), now)) {
            // Stable figures (no running count of seconds), so that an alert does not change every evaluation.
            Instant heard = latest.get().receivedAt();
            int missed = rules.missedIntervals();
            long interval = latest.get().heartbeat().interval().toSeconds();
            if (activeUsers > 0) {
                return new Condition(ApState.UNREACHABLE, List.of(Reason.of(Reason.USERS_ACTIVE, heard, missed, interval, activeUsers)));
            }
            if (probe == Probe.ANSWERED) {
                return new Condition(ApState.DEGRADED, List.of(Reason.of(Reason.AGENT_SILENT, heard, missed, interval)));
            }
            return new Condition(ApState.DOWN, List.of(Reason.variant(Reason.SILENT, probe == Probe.FAILED ? "probeFailed" : "",
                    heard, missed, interval)));
        }
        List<Reason> reasons = figures(latest.get().heartbeat());
        return new Condition(reasons.isEmpty() ? ApState.UP : ApState.DEGRADED, reasons);
    }

    private List<Reason> figures(Heartbeat h) {
        HealthRules.Thresholds t = rules.thresholds();
        List<Reason> reasons = new ArrayList<>();
        above(reasons, Reason.CHANNEL_UTILIZATION, h.channelUtilization(), t.channelUtilization(), true);
        above(reasons, Reason.NOISE, h.noiseDbm(), t.noiseDbm(), false);
        above(reasons, Reason.RETRIES, h.retries(), t.retries(), true);
        Optional<Heartbeat.Backhaul> backhaul = h.backhaul();
        above(reasons, Reason.BACKHAUL_LOSS, backhaul.map(Heartbeat.Backhaul::loss).orElse(OptionalDouble.empty()),
                t.backhaulLoss(), true);
        OptionalDouble rtt = backhaul.map(Heartbeat.Backhaul::rttMs).orElse(OptionalDouble.empty());
        if (rtt.isPresent() && rtt.getAsDouble() > t.backhaulRttMs()) {
            reasons.add(Reason.of(Reason.BACKHAUL_RTT, whole(rtt.getAsDouble()), whole(t.backhaulRttMs())));
        }
        above(reasons, Reason.CPU, h.cpuLoad(), t.cpuLoad(), true);
        above(reasons, Reason.MEMORY, h.memory(), t.memory(), true);
        if (h.clients().isPresent() && h.clients().getAsInt() > t.clients()) {
            reasons.add(Reason.of(Reason.CLIENTS, h.clients().getAsInt(), t.clients()));
        }
        if (t.minimumFirmware().isPresent() && h.firmware().isPresent()
                && FirmwareVersion.compare(h.firmware().get(), t.minimumFirmware().get()) < 0) {
            reasons.add(Reason.of(Reason.FIRMWARE, h.firmware().get(), t.minimumFirmware().get()));
        }
        return reasons;
    }

    private static void above(List<Reason> reasons, String code, OptionalDouble value, double threshold, boolean share) {
        if (value.isPresent() && value.getAsDouble() > threshold) {
            double scale = share ? 100 : 1;
            reasons.add(Reason.of(code, whole(value.getAsDouble() * scale), whole(threshold * scale)));
        }
    }

    private static String whole(double figure) {
        return String.format(Locale.ROOT, "%.0f", figure);
    }
}
