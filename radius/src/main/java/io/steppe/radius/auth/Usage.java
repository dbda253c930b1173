package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.steppe.db.net.MacAddress;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** What a subscriber has used and has online, from the sessions accounting recorded, in one query. */
final class Usage {

    /**
     * @param secondsToday        online time of sessions started today
     * @param octetsToday         data moved (both directions) by sessions started today
     * @param secondsSince        online time of sessions started since the window asked for
     * @param openDevices         the client MAC of each open session (null where the gateway sent none)
     * @param language            the subscriber's language, if known
     */
    record Used(long secondsToday, long octetsToday, long secondsSince, List<String> openDevices, Optional<String> language) {

        /** Open sessions from devices other than {@code device}: its own session does not count against it. */
        int otherDevicesOnline(Optional<MacAddress> device) {
            String asking = device.map(MacAddress::toString).orElse(null);
            int others = 0;
            for (String open : openDevices) {
                if (asking == null || !asking.equals(open)) {
                    others++;
                }
            }
            return others;
        }
    }

    /**
     * The sessions an allowance counts: a voucher's minutes count every session it ever had; otherwise only the
     * sessions started today count, from midnight where the subscriber is.
     *
     * @param since    the earliest start counted in {@link Used#secondsSince}
     * @param dayStart midnight today
     */
    record Window(OffsetDateTime since, OffsetDateTime dayStart) {

        private static final OffsetDateTime BEFORE_ANY_SESSION = OffsetDateTime.parse("2000-01-01T00:00:00Z");

        static Window of(OffsetDateTime now, ZoneId zone, boolean voucher) {
            OffsetDateTime dayStart = dayStart(now, zone);
            return new Window(voucher ? BEFORE_ANY_SESSION : dayStart, dayStart);
        }

        static OffsetDateTime dayStart(OffsetDateTime now, ZoneId zone) {
            return now.atZoneSameInstant(zone).toLocalDate().atStartOfDay(zone).toOffsetDateTime();
        }
    }

    /** The columns of {@link #sessions}. */
    static final Field<Long> SUBSCRIBER_ID = field(name("subscriber"), Long.class);
    static final Field<Long> SECONDS = field(name("seconds"), Long.class);
    /**
     * Numeric, not bigint: two counters near the top of bigint (a gateway's nonsense, stored before counters were
     * bounded) overflowed the sum and failed the query, for the subscriber and, in {@code sessionsWithNothingLeft},
     * for everyone.
     */
    static final Field<BigDecimal> OCTETS = field(name("octets"), BigDecimal.class);
    static final Field<OffsetDateTime> STARTED = field(name("started"), OffsetDateTime.class);
    static final Field<String> DEVICE = field(name("device"), String.class);
    static final Field<Boolean> OPEN = field(name("open"), Boolean.class);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Usage() {
    }

    /** The subscriber's usage over {@code window}, with their devices online and their language. */
    static Used of(DSLContext dsl, long subscriberId, Window window) {
        Record r = USED.fetchOne(dsl, subscriberId, window.since(), window.dayStart());
        return new Used(saturated((BigDecimal) r.get(0)), saturated((BigDecimal) r.get(1)), saturated((BigDecimal) r.get(2)),
                devices((String[]) r.get(3)), Optional.ofNullable((String) r.get(4)));
    }

    /**
     * {@link #of}'s query, built and rendered once: it runs at every login that reads the database, and jOOQ's building
     * and rendering of it cost more CPU than PostgreSQL's running of it (a sixth of the server's time in logins
     * through an AC, by JFR).
     */
    private static final PreparedQuery USED = PreparedQuery.of((subscriber, since, dayStart) -> {
        Table<?> sessions = sessions(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.eq(subscriber),
                RADIUS_SESSION.SUBSCRIBER_ID.eq(subscriber).and(RADIUS_SESSION.STARTED_AT.ge(since)));
        return select(
                total(SECONDS, STARTED.ge(dayStart)),
                total(OCTETS, STARTED.ge(dayStart)),
                total(SECONDS, STARTED.ge(since)),
                arrayAgg(DEVICE).filterWhere(OPEN.isTrue()),
                select(SUBSCRIBER.LANGUAGE).from(SUBSCRIBER).where(SUBSCRIBER.ID.eq(subscriber)).asField())
                .from(sessions);
    });

    /**
     * The sessions that count against allowances, as rows of {@link #SUBSCRIBER_ID}, {@link #SECONDS}, {@link #OCTETS}
     * (both directions), {@link #STARTED}, {@link #DEVICE} and {@link #OPEN}: the open ones {@code open} selects
     * and the closed ones {@code closed} selects.
     */
    static Table<?> sessions(Condition open, Condition closed) {
        return select(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.as(SUBSCRIBER_ID), RADIUS_SESSION_OPEN.SESSION_TIME.as(SECONDS),
                octets(RADIUS_SESSION_OPEN.INPUT_OCTETS, RADIUS_SESSION_OPEN.OUTPUT_OCTETS).as(OCTETS),
                RADIUS_SESSION_OPEN.STARTED_AT.as(STARTED), RADIUS_SESSION_OPEN.CLIENT_MAC.as(DEVICE), inline(true).as(OPEN))
                .from(RADIUS_SESSION_OPEN).where(open)
                .unionAll(select(RADIUS_SESSION.SUBSCRIBER_ID, RADIUS_SESSION.SESSION_TIME,
                        octets(RADIUS_SESSION.INPUT_OCTETS, RADIUS_SESSION.OUTPUT_OCTETS), RADIUS_SESSION.STARTED_AT,
                        RADIUS_SESSION.CLIENT_MAC, inline(false))
                        .from(RADIUS_SESSION).where(closed))
                .asTable("s");
    }

    /** The sum of {@code amount} over the sessions {@code counted} selects, 0 when there are none. */
    static Field<BigDecimal> total(Field<? extends Number> amount, Condition counted) {
        return coalesce(sum(amount).filterWhere(counted), BigDecimal.ZERO);
    }

    private static Field<BigDecimal> octets(Field<Long> input, Field<Long> output) {
        return input.cast(SQLDataType.NUMERIC).plus(output);
    }

    /** A total as a long, Long.MAX_VALUE when it is more: more than anyone's allowance either way. */
    static long saturated(BigDecimal total) {
        return total.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : total.longValue();
    }

    private static List<String> devices(String[] open) {
        // Not List.of: a session whose gateway sent no Calling-Station-Id has a null device.
        return open == null ? List.of() : Collections.unmodifiableList(Arrays.asList(open));
    }
}
