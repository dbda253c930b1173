package io.steppe.ops;

import io.steppe.controller.ControllerConfig;
import io.steppe.controller.alert.AlertPolicy;
import io.steppe.controller.health.HealthRules;
import io.steppe.controller.history.Retention;
import io.steppe.controller.probe.ProbePolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The AP controller's {@code STEPPE_AP_*} keys, validated into {@link ControllerConfig}; a wrong value names its key. */
final class ControllerKeys {

    static final Set<String> KEYS = Set.of("STEPPE_AP_WEBHOOK_URL", "STEPPE_AP_PROBES", "STEPPE_AP_PROBE_PORT",
            "STEPPE_AP_EVALUATE_SECONDS", "STEPPE_AP_MISSED_INTERVALS", "STEPPE_AP_HOLD_SECONDS", "STEPPE_AP_GROUP_WAIT_SECONDS",
            "STEPPE_AP_HISTORY_RAW_HOURS", "STEPPE_AP_HISTORY_5M_DAYS", "STEPPE_AP_HISTORY_1H_DAYS", "STEPPE_AP_MAX_CHANNEL_UTIL",
            "STEPPE_AP_MAX_CLIENTS", "STEPPE_AP_MAX_RTT_MS", "STEPPE_AP_MAX_LOSS_PERCENT", "STEPPE_AP_MIN_FIRMWARE");

    private ControllerKeys() {
    }

    static ControllerConfig fromValues(Map<String, String> values) {
        ControllerConfig d = ControllerConfig.defaults();
        HealthRules.Thresholds t = d.rules().thresholds();
        Duration hold = Duration.ofSeconds(number(values, "STEPPE_AP_HOLD_SECONDS", 60, 0, 3600));
        HealthRules rules = new HealthRules(number(values, "STEPPE_AP_MISSED_INTERVALS", 3, 1, 100), Duration.ZERO, hold, hold,
                new HealthRules.Thresholds(number(values, "STEPPE_AP_MAX_CHANNEL_UTIL", 80, 1, 100) / 100.0, t.noiseDbm(), t.retries(),
                        number(values, "STEPPE_AP_MAX_LOSS_PERCENT", 5, 0, 100) / 100.0, number(values, "STEPPE_AP_MAX_RTT_MS", 150, 1, 60_000),
                        t.cpuLoad(), t.memory(), number(values, "STEPPE_AP_MAX_CLIENTS", 60, 1, 100_000),
                        Optional.ofNullable(values.get("STEPPE_AP_MIN_FIRMWARE")).map(String::trim).filter(v -> !v.isEmpty())));
        ProbePolicy.Scope scope = switch (values.getOrDefault("STEPPE_AP_PROBES", "all").trim().toLowerCase(Locale.ROOT)) {
            case "all" -> ProbePolicy.Scope.ALL;
            case "loopback" -> ProbePolicy.Scope.LOOPBACK;
            case "off" -> ProbePolicy.Scope.OFF;
            default -> throw new UserError("STEPPE_AP_PROBES must be 'all', 'loopback' or 'off', was '" + values.get("STEPPE_AP_PROBES") + "'");
        };
        ProbePolicy probes = new ProbePolicy(scope, number(values, "STEPPE_AP_PROBE_PORT", 22, 1, 65535), d.probes().timeout(),
                d.probes().concurrency(), d.probes().every());
        Retention retention;
        try {
            retention = new Retention(Duration.ofHours(number(values, "STEPPE_AP_HISTORY_RAW_HOURS", 48, 1, 24 * 365)),
                    Duration.ofDays(number(values, "STEPPE_AP_HISTORY_5M_DAYS", 30, 1, 3650)),
                    Duration.ofDays(number(values, "STEPPE_AP_HISTORY_1H_DAYS", 365, 1, 36500)));
        } catch (IllegalArgumentException e) {
            throw new UserError("STEPPE_AP_HISTORY_RAW_HOURS, STEPPE_AP_HISTORY_5M_DAYS, STEPPE_AP_HISTORY_1H_DAYS: " + e.getMessage());
        }
        AlertPolicy alerts = new AlertPolicy(d.alerts().groupMinAps(), d.alerts().groupShare(),
                Duration.ofSeconds(number(values, "STEPPE_AP_GROUP_WAIT_SECONDS", 30, 0, 3600)));
        Optional<URI> webhook = Optional.ofNullable(values.get("STEPPE_AP_WEBHOOK_URL")).map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> SteppeConfig.httpUri("STEPPE_AP_WEBHOOK_URL", v));
        return new ControllerConfig(Duration.ofSeconds(number(values, "STEPPE_AP_EVALUATE_SECONDS", 2, 1, 60)), rules, alerts, probes,
                retention, d.maxClockSkew(), d.maxBodyBytes(), webhook, d.webhookAttempts(), d.webhookBackoff(), d.perApMetricsLimit());
    }

    private static int number(Map<String, String> values, String key, int defaultValue, int min, int max) {
        return SteppeConfig.number(values, key, defaultValue, min, max);
    }
}
