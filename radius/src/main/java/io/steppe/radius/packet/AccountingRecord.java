package io.steppe.radius.packet;

import io.steppe.db.net.MacAddress;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One Accounting-Request, decoded.
 *
 * @param kind             Acct-Status-Type
 * @param nasId            the gateway's id in the database
 * @param nasAddress       where the request came from
 * @param sessionId        Acct-Session-Id
 * @param uniqueId         a key unique across gateways (see {@code AccountingRequestDecoder.uniqueId})
 * @param userName         User-Name
 * @param subscriberId     from the Class that Steppe put in the Access-Accept, when the gateway echoed it
 * @param clientMac        Calling-Station-Id
 * @param apMac            the MAC part of Called-Station-Id
 * @param ssid             the SSID part of Called-Station-Id
 * @param framedIp         Framed-IP-Address
 * @param classValue       Class as received
 * @param eventTime        when it happened: Event-Timestamp, or arrival less Acct-Delay-Time
 * @param sessionTime      Acct-Session-Time, seconds
 * @param inputOctets      Acct-Input-Octets with Acct-Input-Gigawords (64 bits)
 * @param outputOctets     Acct-Output-Octets with Acct-Output-Gigawords (64 bits)
 * @param interimInterval  the interval the gateway was told, if it says
 * @param terminateCause   Acct-Terminate-Cause, by name
 */
public record AccountingRecord(Kind kind, long nasId, InetAddress nasAddress, String sessionId, String uniqueId,
                               String userName, Optional<Long> subscriberId, Optional<MacAddress> clientMac,
                               Optional<MacAddress> apMac, Optional<String> ssid, Optional<InetAddress> framedIp,
                               Optional<String> classValue, Instant eventTime, long sessionTime, long inputOctets,
                               long outputOctets, Optional<Integer> interimInterval, Optional<String> terminateCause) {

    /** Acct-Status-Type values (RFC 2866 §5.1). */
    public enum Kind {
        START(1), STOP(2), INTERIM_UPDATE(3), ACCOUNTING_ON(7), ACCOUNTING_OFF(8);

        private final int value;

        Kind(int value) {
            this.value = value;
        }

        /** Whether a record of this kind is about the whole gateway rather than one session. */
        public boolean isGatewayEvent() {
            return this == ACCOUNTING_ON || this == ACCOUNTING_OFF;
        }

        public static Optional<Kind> of(long value) {
            for (Kind k : values()) {
                if (k.value == value) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public AccountingRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userName, "userName");
        if (sessionTime < 0 || inputOctets < 0 || outputOctets < 0) {
            throw new IllegalArgumentException("session time and octet counts cannot be negative");
        }
        // Checked here as well as by the decoder, so that no record, wherever it was made, can fail its batch.
        if (!CounterBounds.plausibleSessionTime(sessionTime) || !CounterBounds.plausibleOctets(inputOctets, sessionTime)
                || !CounterBounds.plausibleOctets(outputOctets, sessionTime)) {
            throw new IllegalArgumentException("counters beyond what a session of " + sessionTime + " s can carry");
        }
        requireText("session id", sessionId);
        requireText("user name", userName);
        ssid.ifPresent(v -> requireText("SSID", v));
        classValue.ifPresent(v -> requireText("Class", v));
    }

    private static void requireText(String what, String value) {
        if (!TextAttribute.isClean(value)) {
            throw new IllegalArgumentException(what + " holds a NUL, a control character or a lone surrogate");
        }
    }
}
