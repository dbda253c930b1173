package io.steppe.portal.uam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CoovaChilli's hotspotlogin encodings, written out independently here from its documented recipe:
 * {@code chal = MD5(hex2bin(challenge) + uamsecret)}; PAP {@code password = bin2hex(password XOR chal)};
 * CHAP {@code response = MD5(0x00 + password + chal)}.
 */
class UamLogonTest {

    static final byte[] CHALLENGE = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    static byte[] md5(byte[]... parts) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (byte[] p : parts) {
            md5.update(p);
        }
        return md5.digest();
    }

    @Test
    void papPasswordIsThePasswordMaskedByTheHashedChallenge() throws Exception {
        byte[] chal = md5(CHALLENGE, "uamsecret".getBytes(StandardCharsets.UTF_8));
        byte[] password = "s3cr3t-pass".getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[password.length];
        for (int i = 0; i < password.length; i++) {
            expected[i] = (byte) (password[i] ^ chal[i]);
        }
        assertEquals(HexFormat.of().formatHex(expected), UamLogon.papPassword("s3cr3t-pass", CHALLENGE, Optional.of("uamsecret")));
    }

    @Test
    void chapResponseIsMd5OfIdentZeroPasswordAndTheChallenge() throws Exception {
        byte[] withSecret = md5(new byte[] {0}, "s3cr3t-pass".getBytes(StandardCharsets.UTF_8), md5(CHALLENGE, "uamsecret".getBytes(StandardCharsets.UTF_8)));
        assertEquals(HexFormat.of().formatHex(withSecret), UamLogon.chapResponse("s3cr3t-pass", CHALLENGE, Optional.of("uamsecret")));
        byte[] withoutSecret = md5(new byte[] {0}, "s3cr3t-pass".getBytes(StandardCharsets.UTF_8), CHALLENGE);
        assertEquals(HexFormat.of().formatHex(withoutSecret), UamLogon.chapResponse("s3cr3t-pass", CHALLENGE, Optional.empty()));
    }

    @Test
    void logonUrlGoesToTheGatewayWithTheEncodedCredentialOnly() {
        UamRedirect redirect = UamRedirect.parse(Map.of("uamip", "10.1.0.1", "uamport", "3990",
                "challenge", "00112233445566778899aabbccddeeff", "mac", "AA-BB-CC-00-00-01"));
        String pap = UamLogon.url(redirect, "p-abc", "s3cr3t-pass", Optional.of("x"), false, Optional.of("http://example.org/a b"));
        assertTrue(pap.startsWith("http://10.1.0.1:3990/logon?username=p-abc&password="), pap);
        assertTrue(pap.endsWith("&userurl=http%3A%2F%2Fexample.org%2Fa+b"), pap);
        assertFalse(pap.contains("s3cr3t"), "never the password in clear");
        assertTrue(UamLogon.url(redirect, "p-abc", "s3cr3t-pass", Optional.of("x"), true, Optional.empty()).contains("&response="));
    }

    @Test
    void checksumIsUpperHexMd5OfTheUrlAndSecret() throws Exception {
        String url = "http://portal/?res=notyet&uamip=10.1.0.1";
        String md = HexFormat.of().withUpperCase().formatHex(md5((url + "secret").getBytes(StandardCharsets.UTF_8)));
        assertEquals(md, UamChecksum.compute(url, "secret"));
        assertTrue(UamChecksum.valid(url + "&md=" + md, "secret"));
        assertTrue(UamChecksum.valid(url + "&md=" + md.toLowerCase(), "secret"), "case of the hex does not matter");
        assertFalse(UamChecksum.valid(url + "&md=" + md, "other"));
        assertFalse(UamChecksum.valid(url.replace("10.1.0.1", "10.1.0.2") + "&md=" + md, "secret"));
    }

    @Test
    void onlyPlainLinksElsewhereAreKept() {
        assertEquals(Optional.of("https://example.org/x?y=1"), UserUrl.safe(Optional.of("https://example.org/x?y=1"), "portal.local"));
        for (String bad : new String[] {"javascript:alert(1)", "data:text/html,x", "//example.org", "http://portal.local/loop",
                "ftp://example.org/", "http://"}) {
            assertEquals(Optional.empty(), UserUrl.safe(Optional.of(bad), "portal.local"), bad);
        }
    }
}
