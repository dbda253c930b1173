package io.steppe.ops.server;

import io.steppe.db.net.MacAddress;
import io.steppe.portal.login.VoucherLogin;
import io.steppe.radius.RadiusService;
import io.steppe.radius.packet.AuthDecision;

/** The portal's voucher form, judged by the RADIUS server's own rules. */
record RadiusVoucherLogin(RadiusService radius) implements VoucherLogin {

    @Override
    public Result check(String typed, MacAddress device) {
        AuthDecision decision = radius.policy().foreseeVoucher(typed, device);
        if (decision instanceof AuthDecision.Accept accept) {
            return new Result.Valid(accept.subscriberId());
        }
        return new Result.Refused(switch (((AuthDecision.Reject) decision).reason()) {
            case VOUCHER_EXPIRED -> Problem.EXPIRED;
            case VOUCHER_DEVICE_LIMIT -> Problem.DEVICE_LIMIT;
            case QUOTA_EXHAUSTED -> Problem.USED_UP;
            case TOO_MANY_DEVICES -> Problem.DEVICES_ONLINE;
            case VOUCHER_REVOKED -> Problem.REVOKED;
            default -> Problem.UNKNOWN;
        });
    }
}
