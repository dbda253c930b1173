package io.steppe.portal;

import io.steppe.portal.login.VoucherLogin;
import io.steppe.portal.sms.SmsLogin;

/**
 * What the captive portal counts: each login form decided, and each request for an SMS code. The launcher supplies a
 * Prometheus implementation; the portal never imports a metrics library, and {@link #NONE} serves tests that do not
 * look. A login is counted when the portal decides it: accepted means the client was sent on to its gateway with a
 * credential, whose own answer the RADIUS figures count.
 */
public interface PortalMetrics {

    /** How a client logs in on the portal. */
    enum Method { VOUCHER, SMS }

    PortalMetrics NONE = new PortalMetrics() {
    };

    /** A login form with {@code method} was accepted. */
    default void loginAccepted(Method method) {
    }

    /** A voucher typed was refused for {@code problem}. */
    default void voucherRefused(VoucherLogin.Problem problem) {
    }

    /** A device typed too many wrong vouchers and was asked to wait; the voucher was not checked. */
    default void voucherThrottled() {
    }

    /** An SMS code typed was refused for {@code reason}. */
    default void codeRefused(SmsLogin.Checked.Reason reason) {
    }

    /** A request for an SMS code came to {@code sending}: sent, not sent (the provider failed) or refused by a limit. */
    default void smsRequested(SmsLogin.Sending sending) {
    }
}
