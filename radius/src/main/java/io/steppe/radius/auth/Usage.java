package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.steppe.db.net.MacAddress;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** What a subscriber has used and has online, from the sessions accounting recorded, in one query. */
final class Usage {

    /**
     * @param secondsToday        online time of sessions started today
     * @param octetsToday         data moved (both directions) by sessions started today
     * @param secondsSince        online time of sessions started since the window asked for
     * @param otherDevicesOnline  open sessions from devices other than the one asking
     * @param language            the subscriber's language, if known
     */
    record Used(long secondsToday, long octetsToday, long secondsSince, int otherDevicesOnline, Optional<String> language) {
    }

    private static final Field<Long> SECONDS = field(name("seconds"), Long.class);
    private static final Field<Long> OCTETS = field(name("octets"), Long.class);
    private static final Field<OffsetDateTime> STARTED = field(name("started"), OffsetDateTime.class);
    private static final Field<String> DEVICE = field(name("device"), String.class);
    private static final Field<Boolean> OPEN = field(name("open"), Boolean.class);

    private Usage() {
    }

    /**
     * @param since    the earliest start counted in {@code secondsSince} (not after {@code dayStart})
     * @param dayStart midnight today where the subscriber is
     * @param device   the device asking, whose own open session does not count as another device
     */
    static Used of(DSLContext dsl, long subscriberId, OffsetDateTime since, OffsetDateTime dayStart, Optional<MacAddress> device) {
        Table<?> sessions = select(RADIUS_SESSION_OPEN.SESSION_TIME.as(SECONDS),
                RADIUS_SESSION_OPEN.INPUT_OCTETS.plus(RADIUS_SESSION_OPEN.OUTPUT_OCTETS).as(OCTETS),
                RADIUS_SESSION_OPEN.STARTED_AT.as(STARTED), RADIUS_SESSION_OPEN.CLIENT_MAC.as(DEVICE), inline(true).as(OPEN))
                .from(RADIUS_SESSION_OPEN).where(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.eq(subscriberId))
                .unionAll(select(RADIUS_SESSION.SESSION_TIME, RADIUS_SESSION.INPUT_OCTETS.plus(RADIUS_SESSION.OUTPUT_OCTETS),
                        RADIUS_SESSION.STARTED_AT, RADIUS_SESSION.CLIENT_MAC, inline(false))
                        .from(RADIUS_SESSION).where(RADIUS_SESSION.SUBSCRIBER_ID.eq(subscriberId)).and(RADIUS_SESSION.STARTED_AT.ge(since)))
                .asTable("s");
        Record r = dsl.select(
                        coalesce(sum(SECONDS).filterWhere(STARTED.ge(dayStart)), BigDecimal.ZERO),
                        coalesce(sum(OCTETS).filterWhere(STARTED.ge(dayStart)), BigDecimal.ZERO),
                        coalesce(sum(SECONDS).filterWhere(STARTED.ge(since)), BigDecimal.ZERO),
                        count().filterWhere(OPEN.isTrue().and(device.map(m -> DEVICE.isDistinctFrom(m.toString()))
                                .orElse(org.jooq.impl.DSL.trueCondition()))),
                        select(SUBSCRIBER.LANGUAGE).from(SUBSCRIBER).where(SUBSCRIBER.ID.eq(subscriberId)).asField())
                .from(sessions)
                .fetchOne();
        return new Used(((BigDecimal) r.get(0)).longValue(), ((BigDecimal) r.get(1)).longValue(), ((BigDecimal) r.get(2)).longValue(),
                (Integer) r.get(3), Optional.ofNullable((String) r.get(4)));
    }
}
