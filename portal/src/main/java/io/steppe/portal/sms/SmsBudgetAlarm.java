package io.steppe.portal.sms;

import java.time.Instant;

/**
 * Told when the hourly SMS budget runs out, so that operators learn of a pump before the bill does. The launcher
 * supplies it (log, metric, audit); the portal does not depend on how alerts are raised.
 */
@FunctionalInterface
public interface SmsBudgetAlarm {

    /** Raises nothing: for tests that do not look. */
    SmsBudgetAlarm NONE = (budget, hour) -> { };

    /**
     * The last code of the hour beginning at {@code hour} was taken: until the next hour SMS logins are refused.
     * Called once per hour, on the node whose request took that code, after its transaction committed.
     */
    void exhausted(int budget, Instant hour);
}
