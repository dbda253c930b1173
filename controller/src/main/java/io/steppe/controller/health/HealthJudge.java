package io.steppe.controller.health;

import io.steppe.controller.heartbeat.Heartbeat;
import io.steppe.controller.heartbeat.HeartbeatWriter.Received;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
            // Stable wording (no running count of seconds), so that an alert's message does not change every evaluation.
            String silence = "no heartbeat since " + latest.get().receivedAt().truncatedTo(ChronoUnit.SECONDS)
                    + " (" + rules.missedIntervals() + " intervals of " + latest.get().heartbeat().interval().toSeconds() + " s missed)";
            if (activeUsers > 0) {
                return new Condition(ApState.UNREACHABLE, List.of(new Reason(Reason.USERS_ACTIVE,
                        silence + " but " + activeUsers + " user(s) active through it (RADIUS accounting)")));
            }
            if (probe == Probe.ANSWERED) {
                return new Condition(ApState.DEGRADED, List.of(new Reason(Reason.AGENT_SILENT,
                        silence + "; its management port answers, so the reporting agent has stopped")));
            }
            return new Condition(ApState.DOWN, List.of(new Reason(Reason.SILENT,
                    silence + (probe == Probe.FAILED ? "; its management port does not answer" : ""))));
        }
        List<Reason> reasons = figures(latest.get().heartbeat());
        return new Condition(reasons.isEmpty() ? ApState.UP : ApState.DEGRADED, reasons);
    }

    private List<Reason> figures(Heartbeat h) {
        HealthRules.Thresholds t = rules.thresholds();
        List<Reason> reasons = new ArrayList<>();
        above(reasons, Reason.CHANNEL_UTILIZATION, "channel utilisation", h.channelUtilization(), t.channelUtilization(), true);
        above(reasons, Reason.NOISE, "noise floor", h.noiseDbm(), t.noiseDbm(), false);
        above(reasons, Reason.RETRIES, "retries", h.retries(), t.retries(), true);
        Optional<Heartbeat.Backhaul> backhaul = h.backhaul();
        above(reasons, Reason.BACKHAUL_LOSS, "backhaul loss", backhaul.map(Heartbeat.Backhaul::loss).orElse(OptionalDouble.empty()),
                t.backhaulLoss(), true);
        OptionalDouble rtt = backhaul.map(Heartbeat.Backhaul::rttMs).orElse(OptionalDouble.empty());
        if (rtt.isPresent() && rtt.getAsDouble() > t.backhaulRttMs()) {
            reasons.add(new Reason(Reason.BACKHAUL_RTT, String.format(Locale.ROOT, "backhaul RTT %.0f ms (threshold %.0f ms)",
                    rtt.getAsDouble(), t.backhaulRttMs())));
        }
        above(reasons, Reason.CPU, "CPU", h.cpuLoad(), t.cpuLoad(), true);
        above(reasons, Reason.MEMORY, "memory", h.memory(), t.memory(), true);
        if (h.clients().isPresent() && h.clients().getAsInt() > t.clients()) {
            reasons.add(new Reason(Reason.CLIENTS, h.clients().getAsInt() + " clients (threshold " + t.clients() + ")"));
        }
        if (t.minimumFirmware().isPresent() && h.firmware().isPresent()
                && FirmwareVersion.compare(h.firmware().get(), t.minimumFirmware().get()) < 0) {
            reasons.add(new Reason(Reason.FIRMWARE, "firmware " + h.firmware().get() + " is behind " + t.minimumFirmware().get()));
        }
        return reasons;
    }

    private static void above(List<Reason> reasons, String code, String what, OptionalDouble value, double threshold, boolean share) {
        if (value.isPresent() && value.getAsDouble() > threshold) {
            reasons.add(new Reason(code, share
                    ? String.format(Locale.ROOT, "%s %.0f %% (threshold %.0f %%)", what, value.getAsDouble() * 100, threshold * 100)
                    : String.format(Locale.ROOT, "%s %.0f dBm (threshold %.0f dBm)", what, value.getAsDouble(), threshold)));
        }
    }
}
