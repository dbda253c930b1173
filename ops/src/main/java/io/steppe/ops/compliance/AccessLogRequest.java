package io.steppe.ops.compliance;

import io.steppe.db.net.MacAddress;
import io.steppe.ops.web.CityTime;
import io.steppe.portal.sms.MobileNumbers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One question to the access log: the sessions that overlap {@code from}..{@code to} (both inclusive, so that
 * {@code from = to} asks about an instant), of one identity or of everyone, and why it is asked.
 *
 * @param who    whose sessions, or empty for every session in the span
 * @param reason why it is asked (a case number, a request of the police): required, kept in the audit log
 */
public record AccessLogRequest(Instant from, Instant to, Optional<Who> who, String reason) {

    /** The longest span one question may cover: the retention the law asks for is six months. */
    public static final Duration MAX_SPAN = Duration.ofDays(400);

    private static final int MAX_REASON = 500;
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern VOUCHER_CODE = Pattern.compile("[A-Z0-9]{6,32}");

    /** What a question can be about. */
    public enum Kind {
        PHONE, MAC, IP, VOUCHER;

        /** As the command's option and the API's parameter name it. */
        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Whose sessions: the identity in the form it is stored in (E.164, a lower-case MAC, an address, an upper-case
     * voucher code). {@link #toString()} hides the number and the code, which are personal data and a credential.
     */
    public record Who(Kind kind, String value) {

        /**
         * The value as the audit log keeps it: a number with its country code and last three digits, a voucher code
         * with its first two characters (what the console shows of it), an address or a MAC whole.
         */
        public String redacted() {
            switch (kind) {
                case PHONE:
                    return value.substring(0, 3) + "*".repeat(value.length() - 6) + value.substring(value.length() - 3);
                case VOUCHER:
                    return value.substring(0, 2) + "*".repeat(value.length() - 2);
                default:
                    return value;
            }
        }

        @Override
        public String toString() {
            return "Who[" + kind.parameter() + "=" + redacted() + "]";
        }
    }

    /**
     * Reads a question as a person typed it, naming the first thing wrong.
     *
     * @param identities the phone, mac, ip and voucher given, each possibly null; at most one may be given
     * @throws AccessLogRefused naming what is missing or unreadable
     */
    public static AccessLogRequest of(String from, String to, Identities identities, String reason, ZoneId zone, MobileNumbers numbers) {
        Instant start = time("from", from, zone);
        Instant end = time("to", to, zone);
        if (end.isBefore(start)) {
            throw new AccessLogRefused("'to' (" + to.trim() + ") is before 'from' (" + from.trim() + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new AccessLogRefused("'from' and 'to' are more than " + MAX_SPAN.toDays() + " days apart; ask for a shorter span");
        }
        if (reason == null || reason.isBlank()) {
            throw new AccessLogRefused("a reason is required (--reason, or reason= in the API): it is kept in the audit log with the export");
        }
        if (reason.trim().length() > MAX_REASON) {
            throw new AccessLogRefused("the reason is longer than " + MAX_REASON + " characters");
        }
        return new AccessLogRequest(start, end, identities.who(numbers), reason.trim());
    }

    /** The identities a question may name, as typed; null where not given. */
    public record Identities(String phone, String mac, String ip, String voucher) {

        Optional<Who> who(MobileNumbers numbers) {
            List<Who> given = new ArrayList<>();
            if (present(phone)) {
                given.add(new Who(Kind.PHONE, AccessLogRequest.phoneValue(phone.trim(), numbers)));
            }
            if (present(mac)) {
                given.add(new Who(Kind.MAC, AccessLogRequest.macValue(mac.trim())));
            }
            if (present(ip)) {
                given.add(new Who(Kind.IP, AccessLogRequest.ipValue(ip.trim())));
            }
            if (present(voucher)) {
                given.add(new Who(Kind.VOUCHER, AccessLogRequest.voucherValue(voucher.trim())));
            }
            if (given.size() > 1) {
                throw new AccessLogRefused("give at most one of phone, mac, ip and voucher; "
                        + given.stream().map(w -> w.kind().parameter()).toList() + " were given");
            }
            return given.stream().findFirst();
        }

        private static boolean present(String text) {
            return text != null && !text.isBlank();
        }
    }

    private static Instant time(String name, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new AccessLogRefused("'" + name + "' is required: " + CityTime.EXPECTED);
        }
        return CityTime.parse(text, zone)
                .orElseThrow(() -> new AccessLogRefused("'" + name + "' must be " + CityTime.EXPECTED + ", was " + CityTime.quoted(text)));
    }

    private static String phoneValue(String text, MobileNumbers numbers) {
        MobileNumbers.Parsed parsed = numbers.parse(text, "CN");
        if (parsed instanceof MobileNumbers.Parsed.Mobile m) {
            return m.number().e164();
        }
        throw new AccessLogRefused("'phone' must be a mobile number such as +8613812345678 (or 13812345678 in China), was " + CityTime.quoted(text));
    }

    private static String macValue(String text) {
        try {
            return MacAddress.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw new AccessLogRefused("'mac' must be a MAC address such as 02:00:5e:10:00:01, was " + CityTime.quoted(text));
        }
    }

    private static String ipValue(String text) {
        // only a literal: a host name would be looked up in the DNS, which is not what was asked
        if (ADDRESS_LITERAL.matcher(text).matches() && (text.contains(".") || text.contains(":"))) {
            try {
                return InetAddress.getByName(text).getHostAddress();
            } catch (UnknownHostException e) {
                // named below
            }
        }
        throw new AccessLogRefused("'ip' must be an IPv4 or IPv6 address such as 10.1.7.42, was " + CityTime.quoted(text));
    }

    private static String voucherValue(String text) {
        String code = text.toUpperCase(Locale.ROOT);
        if (!VOUCHER_CODE.matcher(code).matches()) {
            throw new AccessLogRefused("'voucher' must be a voucher code (6 to 32 letters and digits)");
        }
        return code;
    }
}
