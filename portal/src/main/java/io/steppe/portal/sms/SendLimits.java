package io.steppe.portal.sms;

import static io.steppe.db.schema.Tables.SMS_CODE;
import static org.jooq.impl.DSL.count;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * How many codes a number and a device may ask for: per number 1 a minute and 5 an hour, per device 1 a minute
 * and 10 an hour, read in one query from their own recent codes (a handful at most, found by index). The
 * per-gateway limit is {@link GatewayThrottle}'s: a gateway's codes are too many to count on every request.
 */
final class SendLimits {

    private SendLimits() {
    }

    /** Why a code may not be sent to {@code phoneKey} on {@code mac} now; empty when it may. */
    static Optional<SmsLogin.Sending> refusal(DSLContext tx, byte[] phoneKey, String mac, OffsetDateTime now) {
        OffsetDateTime lastMinute = now.minusMinutes(1);
        var recent = tx.select(
                        count().filterWhere(SMS_CODE.PHONE_HMAC.eq(phoneKey).and(SMS_CODE.CREATED_AT.gt(lastMinute))),
                        count().filterWhere(SMS_CODE.PHONE_HMAC.eq(phoneKey)),
                        count().filterWhere(SMS_CODE.CLIENT_MAC.eq(mac).and(SMS_CODE.CREATED_AT.gt(lastMinute))),
                        count().filterWhere(SMS_CODE.CLIENT_MAC.eq(mac)))
                .from(SMS_CODE)
                .where(SMS_CODE.CREATED_AT.gt(now.minusHours(1)))
                .and(SMS_CODE.PHONE_HMAC.eq(phoneKey).or(SMS_CODE.CLIENT_MAC.eq(mac)))
                .fetchOne();
        if (recent.value1() >= 1) {
            return Optional.of(SmsLogin.Sending.TOO_SOON);
        }
        if (recent.value2() >= 5) {
            return Optional.of(SmsLogin.Sending.NUMBER_HOURLY_LIMIT);
        }
        if (recent.value3() >= 1 || recent.value4() >= 10) {
            return Optional.of(SmsLogin.Sending.DEVICE_LIMIT);
        }
        return Optional.empty();
    }
}
