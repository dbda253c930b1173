package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.VOUCHER;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The open sessions of every subscriber with no time or data left, in one query: asking {@link HotspotRules} about each
 * subscriber online costs two queries each, a hundred thousand a minute for a city. The query states, in SQL, what
 * {@link HotspotRules#secondsLeft} and {@link HotspotRules#octetsLeft} state in Java; a test holds them to one answer.
 */
final class SpentAllowances {

    private final AccessPolicyConfig config;

    SpentAllowances(AccessPolicyConfig config) {
        this.config = config;
    }

    List<String> sessions(DSLContext dsl, OffsetDateTime now) {
        OffsetDateTime dayStart = Usage.Window.dayStart(now, config.zone());
        // A voucher's minutes count every session it ever had; otherwise only today's sessions count.
        Table<?> sessions = Usage.sessions(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.isNotNull(),
                RADIUS_SESSION.SUBSCRIBER_ID.in(DSL.select(RADIUS_SESSION_OPEN.SUBSCRIBER_ID).from(RADIUS_SESSION_OPEN))
                        .and(RADIUS_SESSION.STARTED_AT.ge(dayStart).orExists(DSL.selectOne().from(VOUCHER)
                                .where(VOUCHER.SUBSCRIBER_ID.eq(RADIUS_SESSION.SUBSCRIBER_ID)))));
        Field<BigDecimal> secondsToday = Usage.total(Usage.SECONDS, Usage.STARTED.ge(dayStart)).as("seconds_today");
        Field<BigDecimal> octetsToday = Usage.total(Usage.OCTETS, Usage.STARTED.ge(dayStart)).as("octets_today");
        Field<BigDecimal> secondsEver = Usage.total(Usage.SECONDS, DSL.trueCondition()).as("seconds_ever");
        Table<?> used = DSL.select(Usage.SUBSCRIBER_ID, secondsToday, octetsToday, secondsEver).from(sessions)
                .groupBy(Usage.SUBSCRIBER_ID).asTable("u");
        Field<Long> usedBy = used.field(Usage.SUBSCRIBER_ID);
        Condition noTime = DSL.when(VOUCHER.SUBSCRIBER_ID.isNull(), used.field(secondsToday).ge(BigDecimal.valueOf(config.dailyAllowance().toSeconds())))
                .otherwise(VOUCHER.MINUTES.times(60).cast(BigDecimal.class).le(used.field(secondsEver)).or(VOUCHER.VALID_UNTIL.le(now)))
                .isTrue();
        Condition noData = used.field(octetsToday).ge(BigDecimal.valueOf(config.dailyOctets()));
        return dsl.select(RADIUS_SESSION_OPEN.UNIQUE_ID).from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.in(DSL.select(usedBy).from(used)
                        .leftJoin(VOUCHER).on(VOUCHER.SUBSCRIBER_ID.eq(usedBy))
                        .where(noTime.or(noData))))
                .fetch(RADIUS_SESSION_OPEN.UNIQUE_ID);
    }
}
