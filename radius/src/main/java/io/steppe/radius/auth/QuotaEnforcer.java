package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;

import io.steppe.radius.coa.SessionTerminator;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Ends the sessions of subscribers whose allowance has run out. Session-Timeout already ends a lone session
 * on time, but several devices share one daily allowance and not every gateway enforces the data quota, so
 * what accounting reports is checked here and the gateway is told to disconnect.
 */
public final class QuotaEnforcer {

    private final DSLContext dsl;
    private final HotspotPolicy policy;
    private final SessionTerminator terminator;

    public QuotaEnforcer(DSLContext dsl, HotspotPolicy policy, SessionTerminator terminator) {
        this.dsl = dsl;
        this.policy = policy;
        this.terminator = terminator;
    }

    /** Sends a Disconnect-Request for every open session of a subscriber with nothing left; returns how many. */
    public int enforce() {
        List<Long> online = dsl.selectDistinct(RADIUS_SESSION_OPEN.SUBSCRIBER_ID).from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.isNotNull()).fetch(RADIUS_SESSION_OPEN.SUBSCRIBER_ID);
        int sent = 0;
        for (long subscriber : online) {
            HotspotPolicy.Remaining left = policy.remaining(subscriber);
            if (left.seconds() <= 0 || left.octets() <= 0) {
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
}
