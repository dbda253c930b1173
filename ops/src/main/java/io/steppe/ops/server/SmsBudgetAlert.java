package io.steppe.ops.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.steppe.db.AuditLog;
import io.steppe.portal.sms.SmsBudgetAlarm;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the portal's SMS budget alarm where operators look: an ERROR in the log, the counter
 * {@code steppe_sms_budget_exhausted_total} (for a Prometheus alert on its increase) and an audit entry. Not an
 * entry of the AP controller's alerts: those are reconciled from AP states on every evaluation, which would
 * resolve an alert raised from outside at once.
 */
final class SmsBudgetAlert implements SmsBudgetAlarm {

    private static final Logger LOG = LoggerFactory.getLogger(SmsBudgetAlert.class);

    private final DSLContext dsl;
    private final Counter exhausted;

    SmsBudgetAlert(DSLContext dsl, PrometheusRegistry registry) {
        this.dsl = dsl;
        this.exhausted = Counter.builder().name("steppe_sms_budget_exhausted_total")
                .help("Hours whose SMS budget (STEPPE_SMS_HOURLY_BUDGET) ran out; SMS logins are refused until the next hour")
                .register(registry);
    }

    @Override
    public void exhausted(int budget, Instant hour) {
        LOG.error("ALERT SMS budget exhausted: {} codes sent in the hour from {}; SMS logins are refused until the next hour."
                + " A pump through the portal looks like this; check the gateways in the audit log (sms.budget_exhausted)"
                + " or raise STEPPE_SMS_HOURLY_BUDGET", budget, hour);
        exhausted.inc();
        try {
            AuditLog.record(dsl, "steppe", "sms.budget_exhausted", "sms", Map.of("budget", budget, "hour", hour.toString()));
        } catch (RuntimeException e) {
            LOG.error("the SMS budget alert could not be audited: {}", e.toString());
        }
    }
}
