package io.steppe.portal.sms;

import static io.steppe.db.schema.Tables.SMS_CODE;
import static org.jooq.impl.DSL.count;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.types.Inet;

/**
 * How many codes a number, a device and a client address may ask for: per number 1 a minute and 5 an hour; per
 * device (the MAC it claims) and per address (the TCP peer the portal saw, which a client cannot choose) 1 a minute
 * and 10 an hour each. Read in one query from their own recent codes (a handful at most, found by index), under
 * transaction-scoped advisory locks on the number and the address, so that requests sent at once, to any node, are
 * counted one after the other instead of all seeing none before them.
 */
final class SendLimits {

    /** The upper half of the lock keys, apart from the application's other advisory locks ("sms"). */
    private static final int NUMBER_LOCKS = 0x736D7301;
    private static final int ADDRESS_LOCKS = 0x736D7302;

    private SendLimits() {
    }

    /**
     * Why a code may not be sent to {@code phoneKey} on {@code mac} from {@code address} now; empty when it may.
     * Holds the number's and the address's locks until {@code tx} ends, always in that order (no deadlock).
     */
    static Optional<SmsLogin.Sending> refusal(DSLContext tx, byte[] phoneKey, String mac, Optional<Inet> address, OffsetDateTime now) {
        lock(tx, NUMBER_LOCKS, ByteBuffer.wrap(phoneKey).getInt());
        address.ifPresent(a -> lock(tx, ADDRESS_LOCKS, a.address().hashCode()));
        OffsetDateTime lastMinute = now.minusMinutes(1);
        Condition byAddress = address.map(SMS_CODE.CLIENT_IP::eq).orElse(DSL.falseCondition());
        var recent = tx.select(
                        count().filterWhere(SMS_CODE.PHONE_HMAC.eq(phoneKey).and(SMS_CODE.CREATED_AT.gt(lastMinute))),
                        count().filterWhere(SMS_CODE.PHONE_HMAC.eq(phoneKey)),
                        count().filterWhere(SMS_CODE.CLIENT_MAC.eq(mac).or(byAddress).and(SMS_CODE.CREATED_AT.gt(lastMinute))),
                        count().filterWhere(SMS_CODE.CLIENT_MAC.eq(mac)),
                        count().filterWhere(byAddress))
                .from(SMS_CODE)
                .where(SMS_CODE.CREATED_AT.gt(now.minusHours(1)))
                .and(SMS_CODE.PHONE_HMAC.eq(phoneKey).or(SMS_CODE.CLIENT_MAC.eq(mac)).or(byAddress))
                .fetchOne();
        if (recent.value1() >= 1) {
            return Optional.of(SmsLogin.Sending.TOO_SOON);
        }
        if (recent.value2() >= 5) {
            return Optional.of(SmsLogin.Sending.NUMBER_HOURLY_LIMIT);
        }
        if (recent.value3() >= 1 || recent.value4() >= 10 || recent.value5() >= 10) {
            return Optional.of(SmsLogin.Sending.DEVICE_LIMIT);
        }
        return Optional.empty();
    }

    /**
     * How long until {@link #refusal} would let a code be sent to {@code phoneKey} on {@code mac} from {@code address}
     * again, by the same limits; zero when it would now. What the code page shows beside "send again".
     */
    static Duration wait(DSLContext tx, byte[] phoneKey, String mac, Optional<Inet> address, OffsetDateTime now) {
        Condition byAddress = address.map(SMS_CODE.CLIENT_IP::eq).orElse(DSL.falseCondition());
        var recent = tx.select(SMS_CODE.CREATED_AT, SMS_CODE.PHONE_HMAC.eq(phoneKey).as("by_number"),
                        SMS_CODE.CLIENT_MAC.eq(mac).as("by_device"), DSL.field(byAddress).as("by_address"))
                .from(SMS_CODE)
                .where(SMS_CODE.CREATED_AT.gt(now.minusHours(1)))
                .and(SMS_CODE.PHONE_HMAC.eq(phoneKey).or(SMS_CODE.CLIENT_MAC.eq(mac)).or(byAddress))
                .orderBy(SMS_CODE.CREATED_AT)
                .fetch();
        OffsetDateTime free = now;
        List<OffsetDateTime> number = new ArrayList<>();
        List<OffsetDateTime> device = new ArrayList<>();
        List<OffsetDateTime> client = new ArrayList<>();
        for (var r : recent) {
            OffsetDateTime at = r.value1();
            if (Boolean.TRUE.equals(r.value2())) {
                number.add(at);
            }
            if (Boolean.TRUE.equals(r.value3())) {
                device.add(at);
            }
            if (Boolean.TRUE.equals(r.value4())) {
                client.add(at);
            }
            free = later(free, at.plusMinutes(1));
        }
        free = later(free, freeAfter(number, 5));
        free = later(free, freeAfter(device, 10));
        free = later(free, freeAfter(client, 10));
        return Duration.between(now, free);
    }

    /** When fewer than {@code limit} of {@code sent} (oldest first) are within the last hour. */
    private static OffsetDateTime freeAfter(List<OffsetDateTime> sent, int limit) {
        return sent.size() < limit ? OffsetDateTime.MIN : sent.get(sent.size() - limit).plusHours(1);
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static void lock(DSLContext tx, int space, int key) {
        tx.select(DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER, DSL.val(space), DSL.val(key))).fetch();
    }
}
