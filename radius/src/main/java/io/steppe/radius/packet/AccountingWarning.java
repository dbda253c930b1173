package io.steppe.radius.packet;

import java.util.Locale;

/**
 * A value of an Accounting-Request that was not stored as sent, while the record itself was: counted, so that a
 * gateway sending nonsense shows on the dashboards, but never a reason to lose the rest of what the record says.
 */
public enum AccountingWarning {
    /**
     * Acct-Input- or Acct-Output-Octets (with their Gigawords) beyond {@link CounterBounds#maxOctets}: ignored, and
     * the session keeps the last plausible value. Counters are cumulative, so the next good record carries the truth;
     * a clamped value would stay, since counters only grow, and would end the subscriber's day for a gateway's glitch.
     */
    IMPLAUSIBLE_OCTETS,
    /** Acct-Session-Time beyond {@link CounterBounds#MAX_SESSION_TIME}: ignored as the octets are. */
    IMPLAUSIBLE_SESSION_TIME,
    /** Called-Station-Id (AP MAC and SSID; SSIDs are any 32 octets) is not text: neither part is stored. */
    CALLED_STATION_ID_NOT_TEXT,
    /** Class is not text (another server's binary Class, RFC 2865 §5.25 allows it): stored as {@code 0x} and hex. */
    CLASS_NOT_TEXT;

    /** The label used in metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
