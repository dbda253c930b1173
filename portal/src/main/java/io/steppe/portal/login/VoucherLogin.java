package io.steppe.portal.login;

import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;

import io.steppe.db.keys.SecretKeys;
import io.steppe.db.net.MacAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * A voucher typed on the portal, checked before the gateway is involved so that the user learns what is wrong
 * on the page in their language; the RADIUS server checks it again when the gateway asks.
 */
public final class VoucherLogin {

    /** Why a voucher cannot be used; each has a message in the bundles ({@code error.voucher.*}). */
    public enum Problem { UNKNOWN, EXPIRED, DEVICE_LIMIT }

    /** The outcome: the voucher's subscriber, or the problem. */
    public sealed interface Result {
        record Valid(long subscriberId) implements Result {
        }

        record Refused(Problem problem) implements Result {
        }
    }

    private final DSLContext dsl;
    private final SecretKeys keys;
    private final Clock clock;

    public VoucherLogin(DSLContext dsl, SecretKeys keys, Clock clock) {
        this.dsl = dsl;
        this.keys = keys;
        this.clock = clock;
    }

    public Result check(String typed, MacAddress device) {
        String code = keys.voucherHash(typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
        var voucher = dsl.selectFrom(VOUCHER).where(VOUCHER.CODE_HASH.eq(code)).fetchOptional();
        if (voucher.isEmpty()) {
            return new Result.Refused(Problem.UNKNOWN);
        }
        if (!voucher.get().getValidUntil().isAfter(OffsetDateTime.now(clock))) {
            return new Result.Refused(Problem.EXPIRED);
        }
        boolean known = dsl.fetchExists(VOUCHER_DEVICE, VOUCHER_DEVICE.CODE_HASH.eq(code).and(VOUCHER_DEVICE.MAC.eq(device.toString())));
        if (!known && dsl.fetchCount(VOUCHER_DEVICE, VOUCHER_DEVICE.CODE_HASH.eq(code)) >= voucher.get().getMaxDevices()) {
            return new Result.Refused(Problem.DEVICE_LIMIT);
        }
        return new Result.Valid(voucher.get().getSubscriberId());
    }
}
