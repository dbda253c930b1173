package io.steppe.radius.packet;

import io.steppe.db.net.MacAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decodes an Accounting-Request's octets into an {@link AccountingRecord}: the Request Authenticator checked
 * (RFC 2866 §3), the attributes indexed in one pass, then each value judged before it can reach the database.
 */
public final class AccountingRequestDecoder {

    /** A gateway clock further off than this is not believed; arrival time is used instead. */
    private static final Duration CLOCK_TRUST = Duration.ofDays(1);
    private static final String CLASS_PREFIX = "steppe:";

    /** Acct-Terminate-Cause names (RFC 2866 §5.10, RFC 3580). */
    private static final Map<Long, String> TERMINATE_CAUSES = Map.ofEntries(
            Map.entry(1L, "User-Request"), Map.entry(2L, "Lost-Carrier"), Map.entry(3L, "Lost-Service"),
            Map.entry(4L, "Idle-Timeout"), Map.entry(5L, "Session-Timeout"), Map.entry(6L, "Admin-Reset"),
            Map.entry(7L, "Admin-Reboot"), Map.entry(8L, "Port-Error"), Map.entry(9L, "NAS-Error"),
            Map.entry(10L, "NAS-Request"), Map.entry(11L, "NAS-Reboot"), Map.entry(12L, "Port-Unneeded"),
            Map.entry(13L, "Port-Preempted"), Map.entry(14L, "Port-Suspended"), Map.entry(15L, "Service-Unavailable"),
            Map.entry(16L, "Callback"), Map.entry(17L, "User-Error"), Map.entry(18L, "Host-Request"),
            Map.entry(19L, "Supplicant-Restart"), Map.entry(20L, "Reauthentication-Failure"),
            Map.entry(21L, "Port-Reinitialized"), Map.entry(22L, "Port-Administratively-Disabled"));

    private AccountingRequestDecoder() {
    }

    /** The Class Steppe puts in every Access-Accept, so accounting finds the subscriber. */
    public static byte[] classFor(long subscriberId) {
        return (CLASS_PREFIX + subscriberId).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Decodes the request; a malformed one, one with a wrong Request Authenticator, and one whose values cannot be
     * stored (see {@code from}) are dropped with the reason, never thrown.
     *
     * @param packet the request, exactly its Length long
     * @param warnings told of each value left out
     */
    public static Decoded<AccountingRecord> decode(byte[] packet, byte[] secret, long nasId, InetAddress nasAddress, Instant arrival,
                                                   Consumer<AccountingWarning> warnings) {
        if (DatagramCheck.declaredLength(packet, packet.length) < 0) {
            return Decoded.dropped(DropReason.MALFORMED_LENGTH, "the header's Length does not fit the datagram");
        }
        if (!RequestAuthenticator.verify(packet, secret)) {
            return Decoded.dropped(DropReason.BAD_AUTHENTICATOR, "the Request Authenticator does not match the secret");
        }
        AttributeIndex index = new AttributeIndex(packet);
        if (!index.isSound()) {
            return Decoded.dropped(DropReason.MALFORMED_ATTRIBUTE, "an attribute's length is wrong");
        }
        try {
            return new Decoded.Ok<>(from(index, nasId, nasAddress, arrival, warnings));
        } catch (TextAttribute.Invalid e) {
            return Decoded.dropped(DropReason.INVALID_TEXT, e.getMessage());
        } catch (IllegalArgumentException e) {
            return Decoded.dropped(DropReason.UNDECODABLE, e.getMessage());
        } catch (RuntimeException e) {
            return Decoded.dropped(DropReason.UNDECODABLE, e.toString()); // a defect of ours; the gateway will retransmit
        }
    }

    /**
     * Decodes the request. What cannot be stored as sent is either refused (a User-Name or Acct-Session-Id that is not
     * text: the record would name nobody) or left out with a warning (an optional field that is not text, counters
     * no session can reach): one bad value never reaches the database, where it would fail the record's batch.
     *
     * @param warnings told of each value left out
     * @throws TextAttribute.Invalid     when User-Name or Acct-Session-Id is not text
     * @throws IllegalArgumentException naming what else is missing or wrong
     */
    static AccountingRecord from(AttributeIndex request, long nasId, InetAddress nasAddress, Instant arrival,
                                 Consumer<AccountingWarning> warnings) {
        long status = request.integer(Attributes.ACCT_STATUS_TYPE)
                .orElseThrow(() -> new IllegalArgumentException("Acct-Status-Type is missing"));
        AccountingRecord.Kind kind = AccountingRecord.Kind.of(status)
                .orElseThrow(() -> new IllegalArgumentException("Acct-Status-Type " + status + " is not handled"));
        String sessionId = request.requiredText(Attributes.ACCT_SESSION_ID, "Acct-Session-Id").orElse("");
        if (sessionId.isEmpty() && !kind.isGatewayEvent()) {
            throw new IllegalArgumentException("Acct-Session-Id is missing");
        }
        String userName = request.requiredText(Attributes.USER_NAME, "User-Name").orElse("");
        Optional<MacAddress> clientMac = request.text(Attributes.CALLING_STATION_ID).flatMap(MacAddress::tryParse);
        Optional<String> called = request.text(Attributes.CALLED_STATION_ID);
        if (called.isEmpty() && request.has(Attributes.CALLED_STATION_ID)) {
            warnings.accept(AccountingWarning.CALLED_STATION_ID_NOT_TEXT);
        }
        Optional<MacAddress> apMac = called.map(c -> c.length() >= 17 ? c.substring(0, 17) : c).flatMap(MacAddress::tryParse)
                .or(() -> called.flatMap(MacAddress::tryParse));
        Optional<String> ssid = called.filter(c -> c.length() > 18 && c.charAt(17) == ':').map(c -> c.substring(18));
        Optional<String> classValue = classValue(request, warnings);
        Optional<Long> subscriber = classValue.filter(c -> c.startsWith(CLASS_PREFIX)).flatMap(c -> parseLong(c.substring(CLASS_PREFIX.length())));
        Instant eventTime = eventTime(request, arrival);
        long sessionTime = request.integer(Attributes.ACCT_SESSION_TIME).orElse(0L);
        if (!CounterBounds.plausibleSessionTime(sessionTime)) {
            warnings.accept(AccountingWarning.IMPLAUSIBLE_SESSION_TIME);
            sessionTime = 0;
        }
        long input = octets(request, Attributes.ACCT_INPUT_OCTETS, Attributes.ACCT_INPUT_GIGAWORDS, sessionTime, warnings);
        long output = octets(request, Attributes.ACCT_OUTPUT_OCTETS, Attributes.ACCT_OUTPUT_GIGAWORDS, sessionTime, warnings);
        Optional<InetAddress> framedIp = request.bytes(Attributes.FRAMED_IP_ADDRESS).filter(v -> v.length == 4)
                .map(AccountingRequestDecoder::address);
        String nasPort = boxed(request.integer(Attributes.NAS_PORT)).map(String::valueOf).orElse("");
        return new AccountingRecord(kind, nasId, nasAddress, sessionId,
                uniqueId(nasId, sessionId, clientMac.map(MacAddress::toString).orElse(userName), nasPort), userName, subscriber,
                clientMac, apMac, ssid, framedIp, classValue, eventTime, sessionTime, input, output,
                boxed(request.integer(Attributes.ACCT_INTERIM_INTERVAL)).map(Long::intValue),
                boxed(request.integer(Attributes.ACCT_TERMINATE_CAUSE)).map(c -> TERMINATE_CAUSES.getOrDefault(c, "Cause-" + c)));
    }

    /** Class as text, or in hex when it is binary: it is the echo of some server's opaque value. */
    private static Optional<String> classValue(AttributeIndex request, Consumer<AccountingWarning> warnings) {
        Optional<String> text = request.text(Attributes.CLASS);
        if (text.isPresent() || !request.has(Attributes.CLASS)) {
            return text;
        }
        warnings.accept(AccountingWarning.CLASS_NOT_TEXT);
        return request.bytes(Attributes.CLASS).map(v -> "0x" + HexFormat.of().formatHex(v));
    }

    /**
     * A session key unique across gateways, as FreeRADIUS's acct_unique policy makes one: gateways reuse
     * Acct-Session-Id values, but not for the same client on the same port at once.
     */
    static String uniqueId(long nasId, String sessionId, String client, String nasPort) {
        MessageDigest md5 = Digests.md5();
        md5.update((nasId + "\u0000" + sessionId + "\u0000" + client + "\u0000" + nasPort).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md5.digest());
    }

    private static Instant eventTime(AttributeIndex request, Instant arrival) {
        Optional<Long> stamp = boxed(request.integer(Attributes.EVENT_TIMESTAMP));
        if (stamp.isPresent()) {
            Instant event = Instant.ofEpochSecond(stamp.get());
            if (Duration.between(event, arrival).abs().compareTo(CLOCK_TRUST) < 0) {
                return event;
            }
        }
        long delay = request.integer(Attributes.ACCT_DELAY_TIME).orElse(0L);
        return arrival.minusSeconds(Math.min(delay, CLOCK_TRUST.toSeconds()));
    }

    /**
     * A 64-bit counter from its octets and gigawords (RFC 2869 §5.1, 5.2), or 0 with a warning when the session
     * could not have carried it: 0 leaves the session's stored counter as it is, since counters only grow.
     */
    private static long octets(AttributeIndex request, int octetsType, int gigawordsType, long sessionTime,
                               Consumer<AccountingWarning> warnings) {
        long gigawords = request.integer(gigawordsType).orElse(0L);
        long limit = CounterBounds.maxOctets(sessionTime);
        // Compared before shifting: 0x80000000 gigawords or more would overflow a long.
        long octets = gigawords > limit >>> 32 ? Long.MAX_VALUE : (gigawords << 32) + request.integer(octetsType).orElse(0L);
        if (octets > limit) {
            warnings.accept(AccountingWarning.IMPLAUSIBLE_OCTETS);
            return 0;
        }
        return octets;
    }

    private static Optional<Long> boxed(java.util.OptionalLong value) {
        return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
