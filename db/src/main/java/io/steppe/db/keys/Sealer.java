package io.steppe.db.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps one kind of secret so that the database alone reveals none: AES-256-GCM to seal a value that must be
 * read back (a gateway's shared secret), and HMAC-SHA256 to recognise one that need not be (a voucher code).
 * Both keys are derived from a master key kept outside the database ({@link KeyFile}) and the kind's name, so
 * a value sealed for one kind is useless as another.
 */
public final class Sealer {

    private static final int IV_OCTETS = 12;
    private static final int TAG_BITS = 128;

    /** Keyed once; each use works on a clone, so threads never share one in use. */
    private final Mac fingerprints;
    private final SecretKeySpec encryptionKey;
    private final SecureRandom random;

    /**
     * @param kind what is sealed, e.g. {@code "steppe gateway"}; part of both keys' derivation
     */
    public Sealer(byte[] masterKey, String kind, SecureRandom random) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("a master key needs at least 32 octets, this has " + masterKey.length);
        }
        try {
            this.fingerprints = Mac.getInstance("HmacSHA256");
            fingerprints.init(new SecretKeySpec(hmac(masterKey, kind + " hmac"), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
        this.encryptionKey = new SecretKeySpec(Arrays.copyOf(hmac(masterKey, kind + " aes"), 32), "AES");
        this.random = random;
    }

    /** What finds a value again without revealing it; the same value gives the same 32 octets. */
    public byte[] fingerprint(String value) {
        try {
            return ((Mac) fingerprints.clone()).doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    /** A fresh IV and the value encrypted and authenticated under it: IV ‖ ciphertext ‖ tag. */
    public byte[] seal(String value) {
        try {
            byte[] iv = new byte[IV_OCTETS];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_OCTETS + sealed.length);
            System.arraycopy(sealed, 0, out, IV_OCTETS, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    /**
     * The value {@link #seal} sealed.
     *
     * @throws IllegalArgumentException when it was sealed with another key or kind, or altered
     */
    public String open(byte[] sealed) {
        if (sealed.length < IV_OCTETS + TAG_BITS / 8) {
            throw new IllegalArgumentException("not a sealed value: " + sealed.length + " octets");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_OCTETS));
            return new String(cipher.doFinal(sealed, IV_OCTETS, sealed.length - IV_OCTETS), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not sealed with this key (a different keys/ directory?)", e);
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Sealer[keys hidden]";
    }
}
