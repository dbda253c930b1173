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
 * fields changed, is refused. The key lives only in memory; a form from before a restart must be reloaded.
 */
final class Csrf {

    private final byte[] key;

    Csrf(byte[] key) {
        this.key = key.clone();
    }

    String token(String... fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (String field : fields) {
                mac.update(field.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    boolean valid(String token, String... fields) {
        return token != null && MessageDigest.isEqual(token(fields).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
