package io.steppe.db.keys;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What seals the secrets the database holds for Steppe, all from one master key in
 * {@code $STEPPE_HOME/keys/secrets.key}: gateways' shared secrets (read back to sign RADIUS and check UAM
 * redirects), voucher codes (only recognised) and the portal's one-time passwords (derived, never stored).
 */
public final class SecretKeys {

    private static final String FILE = "secrets.key";
    /**
     * 80 bits, for a credential that is good once, from one device, for two minutes; CoovaChilli's PAP encoding
     * of it (XOR with the 16-octet challenge) takes at most 16 octets. Its alphabet travels unescaped in a URL.
     */
    private static final int PASSWORD_CHARACTERS = 16;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Sealer gateways;
    private final Sealer vouchers;
    private final Sealer credentials;
    private final Sealer portal;
    private final String check;

    public SecretKeys(byte[] masterKey, SecureRandom random) {
        this.gateways = new Sealer(masterKey, "steppe gateway", random);
        this.vouchers = new Sealer(masterKey, "steppe voucher", random);
        this.credentials = new Sealer(masterKey, "steppe credential", random);
        this.portal = new Sealer(masterKey, "steppe portal", random);
        this.check = HexFormat.of().formatHex(new Sealer(masterKey, "steppe key check", random).fingerprint("steppe"));
    }

    /**
     * The same for the same keys and nothing else, and telling nothing of them: what a database keeps so that a node
     * with other keys is refused before it seals or hashes anything ({@link KeyCheck}).
     */
    public String check() {
        return check;
    }

    /** The keys of the Steppe whose home is {@code home}, made on first use. */
    public static SecretKeys load(Path home, SecureRandom random) {
        Path file = KeyFile.directory(home).resolve(FILE);
        try {
            return new SecretKeys(KeyFile.loadOrCreate(file, 32, random), random);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Seals and opens gateways' RADIUS and UAM secrets. */
    public Sealer gateways() {
        return gateways;
    }

    /** What is stored of a voucher code (already normalised to upper case): its keyed hash, in hex. */
    public String voucherHash(String code) {
        return HexFormat.of().formatHex(vouchers.fingerprint(code));
    }

    /**
     * The password of the one-time credential {@code username}: whoever holds the key computes it, so the
     * portal that hands it out and the RADIUS server that checks it need no stored copy.
     */
    public String credentialPassword(String username) {
        byte[] mac = credentials.fingerprint(username);
        StringBuilder password = new StringBuilder(PASSWORD_CHARACTERS);
        long bits = 0;
        int held = 0;
        for (int i = 0; password.length() < PASSWORD_CHARACTERS; ) {
            if (held < 5) {
                bits = (bits << 8) | (mac[i++] & 0xff);
                held += 8;
            }
            password.append(BASE32[(int) (bits >>> (held - 5)) & 31]);
            held -= 5;
        }
        return password.toString();
    }

    /**
     * A key the portal signs with for {@code purpose} (its forms' tokens, its device cookie): derived from the master
     * key, so every node of a city has the same one and a page one node rendered is good on the next, and after a
     * restart.
     */
    public byte[] portalKey(String purpose) {
        return portal.fingerprint(purpose);
    }

    @Override
    public String toString() {
        return "SecretKeys[hidden]";
    }
}
