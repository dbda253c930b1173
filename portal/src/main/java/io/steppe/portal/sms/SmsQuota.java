package io.steppe.portal.sms;

import static io.steppe.db.schema.Tables.SMS_QUOTA;

import java.time.OffsetDateTime;
import java.util.OptionalInt;
import org.jooq.DSLContext;

/**
 * Codes sent in fixed windows ({@code sms_quota}): per gateway per minute, and in all per hour. One row per scope
 * and window, raised only while under its limit by one conditional upsert, so that every node sharing the database
 * counts against the same limit and two requests at once never both take the last code. A fixed window lets a
 * gateway send up to twice its limit across a minute's boundary; the hourly budget bounds what that can cost.
 */
final class SmsQuota {

    /** The scope of the budget all gateways share. */
    static final String ALL = "all";

    private SmsQuota() {
    }

    static String gateway(String name) {
        return "gateway:" + name;
    }

    /**
     * Takes one code from {@code scope}'s window starting at {@code window}, within {@code tx} (whose row lock holds
     * other takers of the same window until it ends).
     *
     * @return the codes taken in that window, this one included; empty when {@code limit} were already taken
     */
    static OptionalInt take(DSLContext tx, String scope, OffsetDateTime window, int limit) {
        return tx.insertInto(SMS_QUOTA).set(SMS_QUOTA.SCOPE, scope).set(SMS_QUOTA.WINDOW_START, window).set(SMS_QUOTA.SENT, 1)
                .onConflict(SMS_QUOTA.SCOPE, SMS_QUOTA.WINDOW_START).doUpdate()
                .set(SMS_QUOTA.SENT, SMS_QUOTA.SENT.plus(1)).where(SMS_QUOTA.SENT.lt(limit))
                .returning(SMS_QUOTA.SENT).fetchOptional()
                .map(r -> OptionalInt.of(r.getSent())).orElse(OptionalInt.empty());
    }

    /** The codes taken in {@code scope}'s window starting at {@code window}; 0 for a window nobody took from yet. */
    static int taken(DSLContext dsl, String scope, OffsetDateTime window) {
        return dsl.select(SMS_QUOTA.SENT).from(SMS_QUOTA).where(SMS_QUOTA.SCOPE.eq(scope)).and(SMS_QUOTA.WINDOW_START.eq(window))
                .fetchOptional(SMS_QUOTA.SENT).orElse(0);
    }

    /** Gives back a code {@link #take taken} but not sent. */
    static void giveBack(DSLContext tx, String scope, OffsetDateTime window) {
        tx.update(SMS_QUOTA).set(SMS_QUOTA.SENT, SMS_QUOTA.SENT.minus(1))
                .where(SMS_QUOTA.SCOPE.eq(scope)).and(SMS_QUOTA.WINDOW_START.eq(window)).and(SMS_QUOTA.SENT.gt(0)).execute();
    }
}
