package io.steppe.radius.auth;

import io.steppe.radius.coa.SessionTerminator;

/**
 * Ends the sessions of subscribers whose allowance has run out. Session-Timeout already ends a lone session
 * on time, but several devices share one daily allowance and not every gateway enforces the data quota, so
 * what accounting reports is checked here and the gateway is told to disconnect.
 */
public final class QuotaEnforcer {

    private final HotspotPolicy policy;
    private final SessionTerminator terminator;

    public QuotaEnforcer(HotspotPolicy policy, SessionTerminator terminator) {
        this.policy = policy;
        this.terminator = terminator;
    }

    /** Sends a Disconnect-Request for every open session of a subscriber with nothing left; returns how many. */
    public int enforce() {
        int sent = 0;
        for (String session : policy.sessionsWithNothingLeft()) {
            if (terminator.disconnect(session, SessionTerminator.Reason.QUOTA, "steppe").isPresent()) {
                sent++;
            }
        }
        return sent;
    }
}
