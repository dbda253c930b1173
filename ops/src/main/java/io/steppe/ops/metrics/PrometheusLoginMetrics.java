package io.steppe.ops.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.steppe.portal.PortalMetrics;
import io.steppe.portal.login.VoucherLogin;
import io.steppe.portal.sms.SmsLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The captive portal's logins and SMS codes in Prometheus. Cardinality is fixed and every series is shown from the
 * start, so that a dashboard or an alert finds it before the first login: 8 voucher and 4 SMS outcomes, 5 reasons
 * an SMS is refused, and two gauges of the hourly SMS budget where SMS logins are offered.
 */
public final class PrometheusLoginMetrics implements PortalMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusLoginMetrics.class);
    private static final String ACCEPTED = "accepted";
    private static final String THROTTLED = "too_many";

    private final PrometheusRegistry registry;
    private final Counter logins;
    private final Counter sent;
    private final Counter failed;
    private final Counter refused;

    public PrometheusLoginMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        logins = Counter.builder().name("steppe_portal_logins_total")
                .help("Portal login forms decided, by method (voucher, sms) and outcome (accepted: sent on to the gateway; else why refused)")
                .labelNames("method", "outcome").register(registry);
        String voucher = Labels.of(Method.VOUCHER);
        String sms = Labels.of(Method.SMS);
        logins.labelValues(voucher, ACCEPTED);
        logins.labelValues(voucher, THROTTLED);
        for (VoucherLogin.Problem p : VoucherLogin.Problem.values()) {
            logins.labelValues(voucher, Labels.of(p));
        }
        logins.labelValues(sms, ACCEPTED);
        for (SmsLogin.Checked.Reason r : SmsLogin.Checked.Reason.values()) {
            logins.labelValues(sms, Labels.of(r));
        }
        sent = Counter.builder().name("steppe_sms_sent_total").help("SMS codes handed to the provider").register(registry);
        failed = Counter.builder().name("steppe_sms_failed_total")
                .help("SMS codes the provider refused or could not be reached for (the user was asked to try again)").register(registry);
        refused = Counter.builder().name("steppe_sms_refused_total")
                .help("Requests for an SMS code refused by a limit, by reason (busy: the hourly budget is spent)").labelNames("reason")
                .register(registry);
        for (SmsLogin.Sending s : SmsLogin.Sending.values()) {
            if (s != SmsLogin.Sending.SENT && s != SmsLogin.Sending.NOT_SENT) {
                refused.labelValues(Labels.of(s));
            }
        }
    }

    /** Shows the hourly budget and what all nodes took of it this hour (read from the database when scraped). */
    public void budget(SmsLogin sms) {
        GaugeWithCallback.builder().name("steppe_sms_hourly_budget").help("SMS codes all gateways together may ask for per hour")
                .callback(cb -> cb.call(sms.limits().hourlyBudget())).register(registry);
        GaugeWithCallback.builder().name("steppe_sms_hourly_budget_used")
                .help("SMS codes taken from the current hour's budget, by every node (absent while the database does not answer)")
                .callback(cb -> {
                    try {
                        cb.call(sms.budgetTakenThisHour());
                    } catch (RuntimeException e) {
                        LOG.debug("the SMS budget could not be read for /metrics: {}", e.toString());
                    }
                }).register(registry);
    }

    @Override
    public void loginAccepted(Method method) {
        logins.labelValues(Labels.of(method), ACCEPTED).inc();
    }

    @Override
    public void voucherRefused(VoucherLogin.Problem problem) {
        logins.labelValues(Labels.of(Method.VOUCHER), Labels.of(problem)).inc();
    }

    @Override
    public void voucherThrottled() {
        logins.labelValues(Labels.of(Method.VOUCHER), THROTTLED).inc();
    }

    @Override
    public void codeRefused(SmsLogin.Checked.Reason reason) {
        logins.labelValues(Labels.of(Method.SMS), Labels.of(reason)).inc();
    }

    @Override
    public void smsRequested(SmsLogin.Sending sending) {
        switch (sending) {
            case SENT -> sent.inc();
            case NOT_SENT -> failed.inc();
            default -> refused.labelValues(Labels.of(sending)).inc();
        }
    }
}
