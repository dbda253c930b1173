package io.steppe.web.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt, in the {@code $2y$} form other tools read. The cost makes a guess take about a quarter of a
 * second on one core, which is slow for an attacker with a stolen table and still quick for a login.
 */
public final class PasswordHasher {

    /** The shortest password accepted; a console controls the city's network. */
    public static final int MIN_LENGTH = 10;
    private static final int MAX_BYTES = 72; // bcrypt ignores what lies beyond

    private final int cost;
    private final SecureRandom random;

    public PasswordHasher(int cost, SecureRandom random) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, was " + cost);
        }
        this.cost = cost;
        this.random = random;
    }

    public static PasswordHasher standard() {
        return new PasswordHasher(12, new SecureRandom());
    }

    /** Checks a new password's length; the message names what is wrong and never the password. */
    public static void validate(char[] password) {
        if (password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_LENGTH + " characters");
        }
        if (new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("password must be at most " + MAX_BYTES + " bytes");
        }
    }

    /** Whether {@link #validate} accepts {@code password}. */
    public static boolean acceptable(char[] password) {
        try {
            validate(password);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A new password for someone to be told once (the demo's admin, an account added or reset on the console): 14
     * characters without look-alikes, about 70 bits.
     */
    public static String generate(SecureRandom random) {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password, salt, cost);
    }

    public boolean matches(char[] password, String hash) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
