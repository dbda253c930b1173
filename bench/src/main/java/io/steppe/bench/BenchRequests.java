package io.steppe.bench;

import io.steppe.radius.packet.AccessRequestEncoder;
import io.steppe.radius.packet.AccountingRequestEncoder;
import io.steppe.radius.packet.AttributeWriter;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.DatagramCheck;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The generator's requests, written by Steppe's codec. {@link #VARIANTS} simulated clients each have their own
 * NAS-Port, Calling-Station-Id and (accounting) Acct-Session-Id, so that no server answers them from a duplicate
 * cache; their attributes are encoded once. Each send writes one client's request into the same array and has
 * the codec fill in what must be fresh: the identifier, a random Request Authenticator, the hidden User-Password
 * (RFC 2865 §5.2) or CHAP-Password (§5.3) that depends on it, and Message-Authenticator (RFC 3579 §3.2); or, for
 * accounting, the counters and the Request Authenticator of RFC 2866 §3. Not thread-safe: one per event loop.
 */
public final class BenchRequests {

    /** Distinct packets (simulated clients) the generator cycles through. */
    public static final int VARIANTS = 4096;

    private static final int INTERIM_UPDATE = 3;
    /** RFC 2865 §5.41. */
    private static final int WIRELESS_802_11 = 19;

    private final BenchMode mode;
    private final byte[][] passwords;
    private final byte[][] attributes;
    private final AccessRequestEncoder access;
    private final AccountingRequestEncoder accounting;
    private final AttributeWriter writer = new AttributeWriter(new byte[DatagramCheck.MAX_LENGTH]);

    /** @param random source of Request Authenticators; a seeded one makes packets reproducible in tests */
    public BenchRequests(RadiusBenchPlan plan, RandomGenerator random) {
        this.mode = plan.mode();
        byte[] secret = plan.secret().getBytes(StandardCharsets.UTF_8);
        this.access = new AccessRequestEncoder(secret, random);
        this.accounting = new AccountingRequestEncoder(secret);
        this.attributes = new byte[VARIANTS][];
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
            attributes[v] = attributes(v, user);
        }
    }

    /**
     * Writes request number {@code sequence} with {@code identifier} into {@link #packet()}.
     *
     * @return its length; the Request Authenticator is at octets 4 to 19
     */
    public int write(long sequence, int identifier) {
        int variant = (int) (sequence % VARIANTS);
        writer.reset();
        if (mode == BenchMode.ACCT) {
            long round = sequence / VARIANTS + 1;
            // A light user's minute (64 KiB up, 640 KiB down): no daily quota runs out within a run, which would
            // have the server disconnect every session in the middle of the measurement.
            writer.integer(Attributes.ACCT_STATUS_TYPE, INTERIM_UPDATE)
                    .integer(Attributes.ACCT_SESSION_TIME, 60 * round)
                    .integer(Attributes.ACCT_INPUT_OCTETS, 65_536 * round)
                    .integer(Attributes.ACCT_OUTPUT_OCTETS, 655_360 * round)
                    .encoded(attributes[variant]);
            return accounting.encode(identifier, writer);
        }
        writer.messageAuthenticator();
        if (mode == BenchMode.PAP) {
            writer.userPassword(passwords[variant]);
        } else {
            writer.chapPassword(passwords[variant]);
        }
        return access.encode(identifier, writer.encoded(attributes[variant]));
    }

    /** The array the last request was written into; reused by the next. */
    public byte[] packet() {
        return writer.array();
    }

    /** A client's attributes that stay the same from one of its requests to the next. */
    private byte[] attributes(int variant, String user) {
        String mac = String.format(Locale.ROOT, "02-00-00-%02X-%02X-%02X", variant >>> 16 & 0xff, variant >>> 8 & 0xff, variant & 0xff);
        AttributeWriter client = new AttributeWriter()
                .text(Attributes.USER_NAME, user)
                .octets(Attributes.NAS_IP_ADDRESS, new byte[] {127, 0, 0, 1})
                .text(Attributes.NAS_IDENTIFIER, "steppe-bench")
                .integer(Attributes.NAS_PORT_TYPE, WIRELESS_802_11)
                .integer(Attributes.NAS_PORT, variant)
                .text(Attributes.CALLING_STATION_ID, mac);
        if (mode == BenchMode.ACCT) {
            client.text(Attributes.ACCT_SESSION_ID, String.format(Locale.ROOT, "BENCH%08X", variant));
        }
        return client.attributes();
    }
}
