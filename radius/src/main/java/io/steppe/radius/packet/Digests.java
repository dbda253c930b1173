package io.steppe.radius.packet;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MD5 and HMAC-MD5, which every request and reply needs several times. Looking an algorithm up in the JCA
 * provider list costs more than hashing a packet, so each use clones a prototype that is never used itself.
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
