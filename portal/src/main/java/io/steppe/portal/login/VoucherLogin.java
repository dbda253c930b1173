package io.steppe.portal.login;

import io.steppe.db.net.MacAddress;

/**
 * A voucher typed on the portal, judged before the gateway is involved so that the user learns what is wrong on the
 * page in their language. The rules are the RADIUS server's, which judges the login again when the gateway asks.
 */
public interface VoucherLogin {

    /** Why a voucher cannot be used; each has a message in the bundles ({@code error.voucher.*}). */
    enum Problem { UNKNOWN, EXPIRED, DEVICE_LIMIT, USED_UP, DEVICES_ONLINE, REVOKED }

    /** The outcome: the voucher's subscriber, or the problem. */
    sealed interface Result {
        record Valid(long subscriberId) implements Result {
        }

        record Refused(Problem problem) implements Result {
        }
    }

    /** How a login by {@code device} with the code as typed would be answered now; nothing is written. */
    Result check(String typed, MacAddress device);
}
