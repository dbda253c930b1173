package io.steppe.radius.packet;

/**
 * What one session can physically carry, against which the counters of an Accounting-Request are judged. A
 * counter beyond it is a gateway's bug or a forgery (Acct-Input-Gigawords 0x7fffffff claims 9.2e18 octets, an
 * exabyte a second for a 300-second session); stored, it once made every sum over the subscriber's sessions
 * overflow.
 */
public final class CounterBounds {

    /** The fastest link a Wi-Fi client can have, 10 Gbit/s (beyond Wi-Fi 7's practical rates), as octets a second. */
    public static final long MAX_OCTETS_PER_SECOND = 10_000_000_000L / 8;
    /**
     * Counters may run ahead of Acct-Session-Time: a gateway counts from association but times from authentication,
     * and rounds the time down; ten minutes at the full rate covers that generously.
     */
    public static final long SLACK_SECONDS = 600;
    /** No hotspot session lasts longer than a year: a voucher gives at most 525,600 minutes. */
    public static final long MAX_SESSION_TIME = 366L * 24 * 60 * 60;

    private CounterBounds() {
    }

    /** The most octets one direction of a session {@code sessionTime} seconds long can have carried. */
    public static long maxOctets(long sessionTime) {
        return (Math.min(Math.max(sessionTime, 0), MAX_SESSION_TIME) + SLACK_SECONDS) * MAX_OCTETS_PER_SECOND;
    }

    public static boolean plausibleSessionTime(long seconds) {
        return seconds >= 0 && seconds <= MAX_SESSION_TIME;
    }

    /** Whether {@code octets} fits a session of {@code sessionTime} seconds. */
    public static boolean plausibleOctets(long octets, long sessionTime) {
        return octets >= 0 && octets <= maxOctets(sessionTime);
    }
}
