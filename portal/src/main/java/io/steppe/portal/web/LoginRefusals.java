package io.steppe.portal.web;

import io.steppe.portal.login.VoucherLogin;
import io.steppe.portal.sms.MobileNumbers;
import io.steppe.portal.sms.SmsLogin;
import java.util.Locale;
import java.util.Optional;

/**
 * The message key for each reason a login is refused. Spelled out case by case rather than built from enum names, so
 * that a new reason fails to compile here instead of reaching a phone as a raw name; every message says why and
 * what to do next, in each of the bundles.
 */
final class LoginRefusals {

    private LoginRefusals() {
    }

    static String voucher(VoucherLogin.Problem problem) {
        return switch (problem) {
            case UNKNOWN -> "error.voucher.unknown";
            case EXPIRED -> "error.voucher.expired";
            case DEVICE_LIMIT -> "error.voucher.device_limit";
            case USED_UP -> "error.voucher.used_up";
            case DEVICES_ONLINE -> "error.voucher.devices_online";
            case REVOKED -> "error.voucher.revoked";
        };
    }

    static String sending(SmsLogin.Sending sending) {
        return switch (sending) {
            case TOO_SOON -> "error.sms.too_soon";
            case NUMBER_HOURLY_LIMIT -> "error.sms.number_hourly_limit";
            case DEVICE_LIMIT -> "error.sms.device_limit";
            case GATEWAY_LIMIT -> "error.sms.gateway_limit";
            case BUSY -> "error.sms.busy";
            case NOT_SENT, SENT -> "error.sms.not_sent";
        };
    }

    static String code(SmsLogin.Checked.Reason reason) {
        return switch (reason) {
            case WRONG_CODE -> "error.sms.wrong_code";
            case LOCKED -> "error.sms.locked";
            case EXPIRED -> "error.sms.expired";
        };
    }

    static String phone(MobileNumbers.Refusal refusal) {
        return switch (refusal) {
            case INVALID -> "error.phone.invalid";
            case NOT_MOBILE -> "error.phone.not_mobile";
            case COUNTRY -> "error.phone.country";
            case AMBIGUOUS -> "error.phone.ambiguous";
        };
    }

    /**
     * A UAM gateway's {@code res=failed}: its {@code reason} is the gateway's own word ({@code reject} when the RADIUS
     * server refused, others when it could not ask), never shown as such.
     */
    static String gatewayFailure(Optional<String> reason) {
        return reason.map(r -> r.toLowerCase(Locale.ROOT)).filter(r -> r.equals("reject") || r.equals("rejected"))
                .map(r -> "failed.reject").orElse("failed.gateway");
    }
}
