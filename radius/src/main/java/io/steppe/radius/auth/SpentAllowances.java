package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.VOUCHER;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The open sessions of every subscriber with no time or data left. Asking for each subscriber online the way an
 * Access-Request does costs two queries each, a hundred thousand a minute for a city; instead one query reads every
 * online subscriber's usage and voucher, and {@link HotspotRules} judges each row.
 */
final class SpentAllowances {

    private final AccessPolicyConfig config;
    private final HotspotRules rules;

    SpentAllowances(AccessPolicyConfig config, HotspotRules rules) {
        this.config = config;
        this.rules = rules;
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
        Field<Long> subscriber = used.field(Usage.SUBSCRIBER_ID);
        UsageRow row = new UsageRow(subscriber, used.field(secondsToday), used.field(octetsToday), used.field(secondsEver));
        Long[] spent = dsl.select(row.subscriber(), row.secondsToday(), row.octetsToday(), row.secondsEver(),
                        VOUCHER.CODE_HASH, VOUCHER.MINUTES, VOUCHER.VALID_UNTIL, VOUCHER.MAX_DEVICES, VOUCHER.REVOKED_AT)
                .from(used).leftJoin(VOUCHER).on(VOUCHER.SUBSCRIBER_ID.eq(subscriber))
                .fetch().stream()
                .filter(r -> nothingLeft(row, r, now))
                .map(r -> r.get(subscriber)).toArray(Long[]::new);
        if (spent.length == 0) {
            return List.of();
        }
        return dsl.select(RADIUS_SESSION_OPEN.UNIQUE_ID).from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.eq(DSL.any(spent)))
                .fetch(RADIUS_SESSION_OPEN.UNIQUE_ID);
    }

    /** The columns of one online subscriber's usage. */
    private record UsageRow(Field<Long> subscriber, Field<BigDecimal> secondsToday, Field<BigDecimal> octetsToday,
                            Field<BigDecimal> secondsEver) {
    }

    private boolean nothingLeft(UsageRow row, Record r, OffsetDateTime now) {
        long id = r.get(row.subscriber());
        Optional<Voucher> voucher = r.get(VOUCHER.CODE_HASH) == null ? Optional.empty()
                : Optional.of(new Voucher(r.get(VOUCHER.CODE_HASH), id, r.get(VOUCHER.MINUTES), r.get(VOUCHER.VALID_UNTIL),
                        r.get(VOUCHER.MAX_DEVICES), true, Set.of(), r.get(VOUCHER.REVOKED_AT) != null));
        long seconds = Usage.saturated(r.get(row.secondsToday()));
        Usage.Used usage = new Usage.Used(seconds, Usage.saturated(r.get(row.octetsToday())),
                voucher.isPresent() ? Usage.saturated(r.get(row.secondsEver())) : seconds, List.of(), Optional.empty());
        return HotspotRules.nothingLeft(rules.secondsLeft(voucher, usage, now), rules.octetsLeft(usage));
    }
}
