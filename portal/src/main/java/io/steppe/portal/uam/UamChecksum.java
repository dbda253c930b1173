package io.steppe.portal.uam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code md} parameter a CoovaChilli gateway with a UAM secret appends to its redirect: upper-case hex
 * MD5 of the redirect URL up to {@code &md=}, followed by the secret. A redirect whose {@code md} is wrong
 * was not made by that gateway.
 */
public final class UamChecksum {

    private UamChecksum() {
    }

    /** @param url the whole redirect URL as the gateway wrote it, {@code md} last */
    public static boolean valid(String url, String uamSecret) {
        int at = url.lastIndexOf("&md=");
        if (at < 0) {
            return false;
        }
        String given = url.substring(at + 4);
        return MessageDigest.isEqual(compute(url.substring(0, at), uamSecret).getBytes(StandardCharsets.US_ASCII),
                given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** What {@code md} must be for {@code urlBeforeMd}. */
    public static String compute(String urlBeforeMd, String uamSecret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(urlBeforeMd.getBytes(StandardCharsets.UTF_8));
            md5.update(uamSecret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(md5.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
