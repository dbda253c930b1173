package io.steppe.portal.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request protection without server state: a login form carries an HMAC of the gateway's redirect
 * fields (challenge, client MAC, gateway address), so a form posted from elsewhere, or with any of those
 * fields changed, is refused. The key is derived from the master key, so a form one node rendered is good on
 * another and after a restart.
 */
final class Csrf {

    /** Keyed once; each token works on a copy, so threads never share one in use. */
    private final Mac keyed;

    Csrf(byte[] key) {
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    String token(String... fields) {
        Mac mac = copy();
        for (String field : fields) {
            mac.update(field.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
    }

    private Mac copy() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    boolean valid(String token, String... fields) {
        return token != null && MessageDigest.isEqual(token(fields).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
