package io.steppe.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes the generator's requests. {@link #VARIANTS} packets are laid out once, each with its own NAS-Port,
 * Calling-Station-Id and (accounting) Acct-Session-Id so that no server answers them from a duplicate cache;
 * each send then copies one and fills in what must be fresh: the identifier, a random Request Authenticator,
 * the hidden User-Password (RFC 2865 §5.2) or CHAP-Password (§5.3) that depends on it, and Message-Authenticator
 * (RFC 3579 §3.2); or, for accounting, the counters and the Request Authenticator of RFC 2866 §3.
 * Not thread-safe: one per event loop.
 */
public final class RequestEncoder {

    /** Distinct packets (simulated clients) the generator cycles through. */
    public static final int VARIANTS = 4096;

    static final int HEADER = 20;
    /** Access-Requests: Message-Authenticator first, then the password attribute, at fixed offsets. */
    static final int MESSAGE_AUTHENTICATOR_OFFSET = HEADER;
    static final int PASSWORD_OFFSET = HEADER + 18;
    /** Accounting-Requests: Acct-Session-Time, Acct-Input-Octets, Acct-Output-Octets values, after Acct-Status-Type. */
    static final int SESSION_TIME_VALUE = HEADER + 6 + 2;

    private static final int USER_NAME = 1;
    private static final int USER_PASSWORD = 2;
    private static final int CHAP_PASSWORD = 3;
    private static final int NAS_IP_ADDRESS = 4;
    private static final int NAS_PORT = 5;
    private static final int CALLING_STATION_ID = 31;
    private static final int NAS_IDENTIFIER = 32;
    private static final int ACCT_STATUS_TYPE = 40;
    private static final int ACCT_INPUT_OCTETS = 42;
    private static final int ACCT_OUTPUT_OCTETS = 43;
    private static final int ACCT_SESSION_ID = 44;
    private static final int ACCT_SESSION_TIME = 46;
    private static final int NAS_PORT_TYPE = 61;
    private static final int MESSAGE_AUTHENTICATOR = 80;
    private static final int INTERIM_UPDATE = 3;
    private static final int WIRELESS_802_11 = 19;

    private final BenchMode mode;
    private final byte[] secret;
    private final byte[][] passwords;
    private final byte[][] templates;
    private final RandomGenerator random;
    private final MessageDigest md5;
    private final Mac hmac;

    /** @param random source of Request Authenticators; a seeded one makes packets reproducible in tests */
    public RequestEncoder(RadiusBenchPlan plan, RandomGenerator random) {
        this.mode = plan.mode();
        this.secret = plan.secret().getBytes(StandardCharsets.UTF_8);
        this.random = random;
        this.md5 = md5();
        this.hmac = hmacMd5(secret);
        this.templates = new byte[VARIANTS][];
        this.passwords = new byte[VARIANTS][];
        for (int v = 0; v < VARIANTS; v++) {
            String user = plan.user().orElse(String.format(Locale.ROOT, "bench-%04d", v));
            String password = plan.password().orElse("");
            if (!plan.users().isEmpty()) {
                RadiusBenchPlan.Login login = plan.users().get(v % plan.users().size());
                user = login.user();
                password = login.password();
            }
            passwords[v] = password.getBytes(StandardCharsets.UTF_8);
            templates[v] = template(v, user, passwords[v]);
        }
    }

    /**
     * Writes request number {@code sequence} with {@code identifier} into {@code out}.
     *
     * @return its length; the Request Authenticator is at octets 4 to 19 of {@code out}
     */
    public int encode(long sequence, int identifier, byte[] out) {
        int variant = (int) (sequence % VARIANTS);
        byte[] template = templates[variant];
        byte[] password = passwords[variant];
        int length = template.length;
        System.arraycopy(template, 0, out, 0, length);
        out[1] = (byte) identifier;
        if (mode == BenchMode.ACCT) {
            long round = sequence / VARIANTS + 1;
            // A light user's minute (64 KiB up, 640 KiB down): no daily quota runs out within a run, which would
            // have the server disconnect every session in the middle of the measurement.
            putInt(out, SESSION_TIME_VALUE, 60 * round);
            putInt(out, SESSION_TIME_VALUE + 6, 65_536 * round);
            putInt(out, SESSION_TIME_VALUE + 12, 655_360 * round);
            // RFC 2866 §3: MD5(Code+Identifier+Length+16 zero octets+Attributes+Secret); the template holds the zeros.
            md5.update(out, 0, length);
            md5.update(secret);
            digestInto(out, 4);
            return length;
        }
        putLong(out, 4, random.nextLong());
        putLong(out, 12, random.nextLong());
        if (mode == BenchMode.PAP) {
            hidePassword(out, password);
        } else {
            chapPassword(out, identifier, password);
        }
        try {
            // RFC 3579 §3.2: HMAC-MD5 over the whole packet with the attribute's own value zero, as in the template.
            hmac.update(out, 0, length);
            hmac.doFinal(out, MESSAGE_AUTHENTICATOR_OFFSET + 2);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("the template leaves 16 octets for Message-Authenticator", e);
        }
        return length;
    }

    /** RFC 2865 §5.2: c(1) = p(1) xor MD5(S + RA), c(i) = p(i) xor MD5(S + c(i-1)), on the zero-padded password. */
    private void hidePassword(byte[] out, byte[] password) {
        int value = PASSWORD_OFFSET + 2;
        int padded = (out[PASSWORD_OFFSET + 1] & 0xff) - 2;
        int previous = 4;
        for (int block = 0; block < padded; block += 16) {
            md5.update(secret);
            md5.update(out, previous, 16);
            digestInto(out, value + block);
            for (int i = 0; i < 16; i++) {
                int at = block + i;
                out[value + at] ^= at < password.length ? password[at] : 0;
            }
            previous = value + block;
        }
    }

    /** RFC 2865 §5.3: CHAP ident, then MD5(ident + password + challenge), the Request Authenticator as challenge. */
    private void chapPassword(byte[] out, int identifier, byte[] password) {
        int value = PASSWORD_OFFSET + 2;
        out[value] = (byte) identifier;
        md5.update((byte) identifier);
        md5.update(password);
        md5.update(out, 4, 16);
        digestInto(out, value + 1);
    }

    private byte[] template(int variant, String user, byte[] password) {
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        if (mode == BenchMode.ACCT) {
            attributes.writeBytes(integer(ACCT_STATUS_TYPE, INTERIM_UPDATE));
            attributes.writeBytes(integer(ACCT_SESSION_TIME, 0));
            attributes.writeBytes(integer(ACCT_INPUT_OCTETS, 0));
            attributes.writeBytes(integer(ACCT_OUTPUT_OCTETS, 0));
        } else {
            attributes.writeBytes(attribute(MESSAGE_AUTHENTICATOR, new byte[16]));
            int passwordLength = mode == BenchMode.PAP ? Math.max(16, (password.length + 15) / 16 * 16) : 17;
            attributes.writeBytes(attribute(mode == BenchMode.PAP ? USER_PASSWORD : CHAP_PASSWORD, new byte[passwordLength]));
        }
        attributes.writeBytes(attribute(USER_NAME, user.getBytes(StandardCharsets.UTF_8)));
        attributes.writeBytes(attribute(NAS_IP_ADDRESS, new byte[] {127, 0, 0, 1}));
        attributes.writeBytes(attribute(NAS_IDENTIFIER, "steppe-bench".getBytes(StandardCharsets.US_ASCII)));
        attributes.writeBytes(integer(NAS_PORT_TYPE, WIRELESS_802_11));
        attributes.writeBytes(integer(NAS_PORT, variant));
        String mac = String.format(Locale.ROOT, "02-00-00-%02X-%02X-%02X", variant >>> 16 & 0xff, variant >>> 8 & 0xff, variant & 0xff);
        attributes.writeBytes(attribute(CALLING_STATION_ID, mac.getBytes(StandardCharsets.US_ASCII)));
        if (mode == BenchMode.ACCT) {
            String session = String.format(Locale.ROOT, "BENCH%08X", variant);
            attributes.writeBytes(attribute(ACCT_SESSION_ID, session.getBytes(StandardCharsets.US_ASCII)));
        }
        byte[] packet = new byte[HEADER + attributes.size()];
        packet[0] = (byte) (mode == BenchMode.ACCT ? 4 : 1);
        packet[2] = (byte) (packet.length >>> 8);
        packet[3] = (byte) packet.length;
        System.arraycopy(attributes.toByteArray(), 0, packet, HEADER, attributes.size());
        return packet;
    }

    private void digestInto(byte[] out, int offset) {
        try {
            md5.digest(out, offset, 16);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("MD5 writes 16 octets", e);
        }
    }

    private static byte[] attribute(int type, byte[] value) {
        byte[] out = Arrays.copyOf(new byte[] {(byte) type, (byte) (value.length + 2)}, value.length + 2);
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }

    private static byte[] integer(int type, long value) {
        byte[] out = attribute(type, new byte[4]);
        putInt(out, 2, value);
        return out;
    }

    private static void putInt(byte[] out, int offset, long value) {
        out[offset] = (byte) (value >>> 24);
        out[offset + 1] = (byte) (value >>> 16);
        out[offset + 2] = (byte) (value >>> 8);
        out[offset + 3] = (byte) value;
    }

    private static void putLong(byte[] out, int offset, long value) {
        putInt(out, offset, value >>> 32);
        putInt(out, offset + 4, value);
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    private static Mac hmacMd5(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacMD5", e);
        }
    }
}
