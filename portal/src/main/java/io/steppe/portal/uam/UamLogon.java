package io.steppe.portal.uam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The gateway's {@code /logon} URL the browser is sent to after a login, with the password encoded as
 * CoovaChilli's hotspotlogin does: the challenge, first hashed with the UAM secret when there is one, masks
 * the password (PAP: {@code password=hex(password XOR chal)}) or keys a CHAP response
 * ({@code response=hex(MD5(0x00 + password + chal))}, which the gateway sends as CHAP-Password with ident 0).
 */
public final class UamLogon {

    private UamLogon() {
    }

    /** The key both encodings use: the challenge, or MD5(challenge + UAM secret). */
    static byte[] key(byte[] challenge, Optional<String> uamSecret) {
        if (uamSecret.isEmpty()) {
            return challenge.clone();
        }
        MessageDigest md5 = md5();
        md5.update(challenge);
        md5.update(uamSecret.get().getBytes(StandardCharsets.UTF_8));
        return md5.digest();
    }

    /** PAP: the password XOR the key, octet by octet; a password is at most 16 octets here. */
    public static String papPassword(String password, byte[] challenge, Optional<String> uamSecret) {
        byte[] plain = password.getBytes(StandardCharsets.UTF_8);
        if (plain.length > 16) {
            throw new IllegalArgumentException("a UAM PAP password is at most 16 octets");
        }
        byte[] key = key(challenge, uamSecret);
        byte[] out = new byte[plain.length];
        for (int i = 0; i < plain.length; i++) {
            out[i] = (byte) (plain[i] ^ key[i]);
        }
        return HexFormat.of().formatHex(out);
    }

    /** CHAP: MD5(ident 0 + password + key). */
    public static String chapResponse(String password, byte[] challenge, Optional<String> uamSecret) {
        MessageDigest md5 = md5();
        md5.update((byte) 0);
        md5.update(password.getBytes(StandardCharsets.UTF_8));
        md5.update(key(challenge, uamSecret));
        return HexFormat.of().formatHex(md5.digest());
    }

    /** {@code http://UAMIP:UAMPORT/logon?username=…&password=…|response=…[&userurl=…]}. */
    public static String url(UamRedirect redirect, String username, String password, Optional<String> uamSecret, boolean chap,
                             Optional<String> userUrl) {
        byte[] challenge = redirect.challenge().orElseThrow(() -> new IllegalArgumentException("no challenge to answer"));
        String host = redirect.uamIp().contains(":") ? "[" + redirect.uamIp() + "]" : redirect.uamIp();
        StringBuilder url = new StringBuilder("http://").append(host).append(':').append(redirect.uamPort())
                .append("/logon?username=").append(encode(username));
        if (chap) {
            url.append("&response=").append(chapResponse(password, challenge, uamSecret));
        } else {
            url.append("&password=").append(papPassword(password, challenge, uamSecret));
        }
        userUrl.ifPresent(u -> url.append("&userurl=").append(encode(u)));
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
