package io.steppe.radius.packet;

import java.security.DigestException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * MD5 and HMAC-MD5, which every request and reply needs several times. Looking an algorithm up in the JCA
 * provider list costs more than hashing a packet, so each use clones a prototype that is never used itself.
 * Digests are written straight into the packet they belong in, so that a packet costs no array per hash.
 */
public final class Digests {

    private static final MessageDigest MD5 = lookUpMd5();
    private static final Mac HMAC_MD5 = lookUpHmacMd5();

    private Digests() {
    }

    public static MessageDigest md5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 can be cloned", e);
        }
    }

    /** HMAC-MD5 keyed with {@code secret} (RFC 3579 §3.2; an empty secret is one zero octet, as HMAC pads it). */
    public static Mac hmacMd5(byte[] secret) {
        try {
            Mac mac = (Mac) HMAC_MD5.clone();
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacMD5"));
            return mac;
        } catch (CloneNotSupportedException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK's HmacMD5 can be cloned and keyed", e);
        }
    }

    /** Finishes {@code md5} into the 16 octets of {@code out} at {@code offset}. */
    static void digestInto(MessageDigest md5, byte[] out, int offset) {
        try {
            md5.digest(out, offset, 16);
        } catch (DigestException e) {
            throw new IllegalStateException("MD5 writes 16 octets where there is room for them", e);
        }
    }

    /** Finishes {@code mac} into the 16 octets of {@code out} at {@code offset}. */
    static void macInto(Mac mac, byte[] out, int offset) {
        try {
            mac.doFinal(out, offset);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("HMAC-MD5 writes 16 octets where there is room for them", e);
        }
    }

    /** Whether the 16 octets at {@code a[aOffset]} and {@code b[bOffset]} are equal, in time that does not tell where they differ. */
    static boolean equal16(byte[] a, int aOffset, byte[] b, int bOffset) {
        int difference = 0;
        for (int i = 0; i < 16; i++) {
            difference |= a[aOffset + i] ^ b[bOffset + i];
        }
        return difference == 0;
    }

    private static MessageDigest lookUpMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    private static Mac lookUpHmacMd5() {
        try {
            return Mac.getInstance("HmacMD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has HmacMD5", e);
        }
    }
}
