package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.VOUCHER;

import io.steppe.radius.coa.SessionTerminator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Ends the sessions of subscribers whose allowance has run out. Session-Timeout already ends a lone session
 * on time, but several devices share one daily allowance and not every gateway enforces the data quota, so
 * what accounting reports is checked here and the gateway is told to disconnect.
 */
public final class QuotaEnforcer {

    private static final OffsetDateTime BEFORE_ANY_SESSION = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    private final DSLContext dsl;
    private final Clock clock;
    private final AccessPolicyConfig config;
    private final SessionTerminator terminator;

    public QuotaEnforcer(DSLContext dsl, Clock clock, AccessPolicyConfig config, SessionTerminator terminator) {
        this.dsl = dsl;
        this.clock = clock;
        this.config = config;
        this.terminator = terminator;
    }

    /** Sends a Disconnect-Request for every open session of a subscriber with nothing left; returns how many. */
    public int enforce() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime dayStart = now.atZoneSameInstant(config.zone()).toLocalDate().atStartOfDay(config.zone()).toOffsetDateTime();
        List<Long> online = dsl.selectDistinct(RADIUS_SESSION_OPEN.SUBSCRIBER_ID).from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.isNotNull()).fetch(RADIUS_SESSION_OPEN.SUBSCRIBER_ID);
        int sent = 0;
        for (long subscriber : online) {
            if (exhausted(subscriber, dayStart)) {
                for (String session : dsl.select(RADIUS_SESSION_OPEN.UNIQUE_ID).from(RADIUS_SESSION_OPEN)
                        .where(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.eq(subscriber)).fetch(RADIUS_SESSION_OPEN.UNIQUE_ID)) {
                    if (terminator.disconnect(session, SessionTerminator.Reason.QUOTA, "steppe").isPresent()) {
                        sent++;
                    }
                }
            }
        }
        return sent;
    }

    private boolean exhausted(long subscriber, OffsetDateTime dayStart) {
        Optional<Integer> voucherMinutes = dsl.select(VOUCHER.MINUTES).from(VOUCHER).where(VOUCHER.SUBSCRIBER_ID.eq(subscriber))
                .fetchOptional(VOUCHER.MINUTES);
        Usage.Used used = Usage.of(dsl, subscriber, voucherMinutes.isPresent() ? BEFORE_ANY_SESSION : dayStart, dayStart, Optional.empty());
        if (used.octetsToday() >= config.dailyOctets()) {
            return true;
        }
        return voucherMinutes.isPresent()
                ? used.secondsSince() >= voucherMinutes.get() * 60L
                : used.secondsToday() >= config.dailyAllowance().toSeconds();
    }
}
