package io.steppe.radius.auth;

import io.steppe.radius.coa.SessionTerminator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the sessions of subscribers whose allowance has run out. Session-Timeout already ends a lone session
 * on time, but several devices share one daily allowance and not every gateway enforces the data quota, so
 * what accounting reports is checked here and the gateway is told to disconnect.
 */
public final class QuotaEnforcer {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaEnforcer.class);

    private final HotspotPolicy policy;
    private final SessionTerminator terminator;

    public QuotaEnforcer(HotspotPolicy policy, SessionTerminator terminator) {
        this.policy = policy;
        this.terminator = terminator;
    }

    /**
     * Sends a Disconnect-Request for every open session of a subscriber with nothing left; returns how many. A session
     * that cannot be disconnected (its gateway's row unreadable, say) is logged and skipped: one subscriber's trouble
     * must not spare everyone else the minute's enforcement.
     */
    public int enforce() {
        int sent = 0;
        for (String session : policy.sessionsWithNothingLeft()) {
            try {
                if (terminator.disconnect(session, SessionTerminator.Reason.QUOTA, "steppe").isPresent()) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not disconnect session {} whose allowance ran out: {}", session, e.getMessage());
            }
        }
        return sent;
    }
}
