package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Record2;

/** What a subscriber has used, from the sessions accounting recorded. */
final class Usage {

    /** Seconds online and octets moved (both directions). */
    record Used(long seconds, long octets) {
    }

    private Usage() {
    }

    /** Sessions that started at or after {@code since}, open or closed. */
    static Used since(DSLContext dsl, long subscriberId, OffsetDateTime since) {
        Record2<BigDecimal, BigDecimal> closed = dsl.select(
                        coalesce(sum(RADIUS_SESSION.SESSION_TIME), val(BigDecimal.ZERO)),
                        coalesce(sum(RADIUS_SESSION.INPUT_OCTETS.plus(RADIUS_SESSION.OUTPUT_OCTETS)), val(BigDecimal.ZERO)))
                .from(RADIUS_SESSION)
                .where(RADIUS_SESSION.SUBSCRIBER_ID.eq(subscriberId)).and(RADIUS_SESSION.STARTED_AT.ge(since))
                .fetchOne();
        Record2<BigDecimal, BigDecimal> open = dsl.select(
                        coalesce(sum(RADIUS_SESSION_OPEN.SESSION_TIME), val(BigDecimal.ZERO)),
                        coalesce(sum(RADIUS_SESSION_OPEN.INPUT_OCTETS.plus(RADIUS_SESSION_OPEN.OUTPUT_OCTETS)), val(BigDecimal.ZERO)))
                .from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.eq(subscriberId)).and(RADIUS_SESSION_OPEN.STARTED_AT.ge(since))
                .fetchOne();
        return new Used(closed.value1().longValue() + open.value1().longValue(),
                closed.value2().longValue() + open.value2().longValue());
    }

    /** Open sessions of the subscriber on other devices than {@code device}: a device re-authenticating is not a second one. */
    static int openSessionsElsewhere(DSLContext dsl, long subscriberId, java.util.Optional<io.steppe.db.net.MacAddress> device) {
        return dsl.fetchCount(RADIUS_SESSION_OPEN, RADIUS_SESSION_OPEN.SUBSCRIBER_ID.eq(subscriberId)
                .and(device.map(mac -> RADIUS_SESSION_OPEN.CLIENT_MAC.isDistinctFrom(mac.toString())).orElse(org.jooq.impl.DSL.trueCondition())));
    }
}
