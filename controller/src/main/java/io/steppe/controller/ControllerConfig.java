package io.steppe.controller;

import io.steppe.controller.alert.AlertPolicy;
import io.steppe.controller.health.HealthRules;
import io.steppe.controller.history.Retention;
import io.steppe.controller.probe.ProbePolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The controller's configuration, built and validated in {@code ops} from {@code STEPPE_AP_*} keys.
 *
 * @param evaluateEvery    how often every AP is judged (2 s); zero: never by itself (tests call evaluate)
 * @param rules            thresholds and hold times
 * @param alerts           grouping of alerts
 * @param probes           TCP probes of management ports
 * @param retention        history kept
 * @param maxClockSkew     how far a heartbeat's timestamp may be from the receive time (5 minutes)
 * @param maxBodyBytes     the largest heartbeat accepted (16 KiB)
 * @param webhook          where alerts are posted, if anywhere
 * @param webhookAttempts  attempts per alert event (5)
 * @param webhookBackoff   the wait before the second attempt, doubled before each further one (2 s)
 * @param perApMetricsLimit per-AP Prometheus series are exported for at most this many APs
 */
public record ControllerConfig(Duration evaluateEvery, HealthRules rules, AlertPolicy alerts, ProbePolicy probes,
                                 Retention retention, Duration maxClockSkew, int maxBodyBytes, Optional<URI> webhook,
                                 int webhookAttempts, Duration webhookBackoff, int perApMetricsLimit) {

    public static ControllerConfig defaults() {
        return new ControllerConfig(Duration.ofSeconds(2), HealthRules.defaults(), AlertPolicy.defaults(), ProbePolicy.off(),
                Retention.defaults(), Duration.ofMinutes(5), 16 * 1024, Optional.empty(), 5, Duration.ofSeconds(2), 25_000);
    }

    public ControllerConfig withRules(HealthRules r) {
        return new ControllerConfig(evaluateEvery, r, alerts, probes, retention, maxClockSkew, maxBodyBytes, webhook, webhookAttempts,
                webhookBackoff, perApMetricsLimit);
    }

    public ControllerConfig withEvaluateEvery(Duration every) {
        return new ControllerConfig(every, rules, alerts, probes, retention, maxClockSkew, maxBodyBytes, webhook, webhookAttempts,
                webhookBackoff, perApMetricsLimit);
    }

    public ControllerConfig withAlerts(AlertPolicy a) {
        return new ControllerConfig(evaluateEvery, rules, a, probes, retention, maxClockSkew, maxBodyBytes, webhook, webhookAttempts,
                webhookBackoff, perApMetricsLimit);
    }

    public ControllerConfig withProbes(ProbePolicy p) {
        return new ControllerConfig(evaluateEvery, rules, alerts, p, retention, maxClockSkew, maxBodyBytes, webhook, webhookAttempts,
                webhookBackoff, perApMetricsLimit);
    }

    public ControllerConfig withWebhook(URI url, int attempts, Duration backoff) {
        return new ControllerConfig(evaluateEvery, rules, alerts, probes, retention, maxClockSkew, maxBodyBytes, Optional.of(url),
                attempts, backoff, perApMetricsLimit);
    }
}
