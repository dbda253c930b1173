package io.steppe.portal.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps phone numbers, the real-name identity the law requires, so that the database alone reveals none:
 * an HMAC to recognise a number, AES-GCM to read it back in an admin export. Both keys come from one master
 * key kept outside the database ({@code $STEPPE_HOME/keys/phone.key}).
 */
public final class PhoneVault {

    /** Keyed once; each fingerprint works on a copy, so threads never share one in use. */
    private final Mac fingerprints;
    private final byte[] encryptionKey;
    private final SecureRandom random;

    public PhoneVault(byte[] masterKey, SecureRandom random) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("the phone master key must have at least 32 octets");
        }
        try {
            this.fingerprints = Mac.getInstance("HmacSHA256");
            fingerprints.init(new SecretKeySpec(derive(masterKey, "steppe phone hmac"), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
        this.encryptionKey = Arrays.copyOf(derive(masterKey, "steppe phone aes"), 32);
        this.random = random;
    }

    /** What finds a number again; the same number gives the same value. */
    public byte[] fingerprint(String value) {
        try {
            return ((Mac) fingerprints.clone()).doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    public byte[] encrypt(PhoneNumber number) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(number.e164().getBytes(StandardCharsets.US_ASCII));
            byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    /** For the admin export only. */
    public PhoneNumber decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(128, stored, 0, 12));
            return new PhoneNumber(new String(cipher.doFinal(stored, 12, stored.length - 12), StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a number sealed with this key", e);
        }
    }

    private static byte[] derive(byte[] master, String label) {
        return hmac(master, label.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }
}
