package io.steppe.portal.uam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedirectCheckTest {

    static final String PORTAL = "http://portal.example.cn/";
    static final String CHALLENGE = "6a3f0c1d2e4b5a697887766554433221";
    static final AddressRange RANGE = new AddressRange(address("10.20.0.1"), 32);
    final Gateway signing = new Gateway("square-gw", Optional.of("uam-secret"), false, Set.of(), RANGE);
    final Gateway registered = new Gateway("village-gw", Optional.empty(), false, Set.of(address("10.1.0.1")), RANGE);

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static String query(String nasid, String uamip, String challenge) {
        return "res=notyet&uamip=" + uamip + "&uamport=3990&challenge=" + challenge + "&mac=AA-BB-CC-00-00-01&nasid=" + nasid;
    }

    static UamRedirect redirect(String query) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        return UamRedirect.parse(fields);
    }

    static String signed(String query, String secret) {
        String url = PORTAL + "?" + query;
        return url + "&md=" + UamChecksum.compute(url, secret);
    }

    @Test
    void aSignedRedirectIsTrustedWhereverItsGatewaySendsTheBrowser() {
        String q = query("square-gw", "192.168.182.1", CHALLENGE);
        assertEquals(Optional.empty(), RedirectCheck.arrival(signing, redirect(q), signed(q, "uam-secret")));
    }

    /** On main a redirect without md was served for a gateway with a UAM secret: the attacker chose uamip. */
    @Test
    void anUnsignedOrMissignedRedirectForAGatewayWithASecretIsRefused() {
        String q = query("square-gw", "203.0.113.66", CHALLENGE);
        assertEquals(Optional.of(RedirectCheck.Refusal.UNSIGNED), RedirectCheck.arrival(signing, redirect(q), PORTAL + "?" + q));
        assertEquals(Optional.of(RedirectCheck.Refusal.FORGED), RedirectCheck.arrival(signing, redirect(q), signed(q, "guessed")));
    }

    /** On main a gateway without a secret took uamip from the client: the credential went to the attacker's host. */
    @Test
    void aGatewayWithoutASecretSendsBrowsersOnlyToItsRegisteredAddresses() {
        String home = query("village-gw", "10.1.0.1", CHALLENGE);
        assertEquals(Optional.empty(), RedirectCheck.arrival(registered, redirect(home), PORTAL + "?" + home));
        String foreign = query("village-gw", "203.0.113.66", CHALLENGE);
        assertEquals(Optional.of(RedirectCheck.Refusal.FOREIGN_UAMIP), RedirectCheck.arrival(registered, redirect(foreign), PORTAL + "?" + foreign));
        assertEquals(Optional.of(RedirectCheck.Refusal.FOREIGN_UAMIP), RedirectCheck.destination(registered, redirect(foreign)),
                "and on every posted form");
        Gateway bare = new Gateway("bare-gw", Optional.empty(), false, Set.of(), RANGE);
        assertEquals(Optional.of(RedirectCheck.Refusal.NOT_SET_UP), RedirectCheck.arrival(bare, redirect(home), PORTAL + "?" + home));
    }

    /** On main an all-zero challenge made the PAP encoding of a gateway without secret the password in clear. */
    @Test
    void anAllZeroChallengeIsRefusedSignedOrNot() {
        String zero = query("village-gw", "10.1.0.1", "0".repeat(32));
        assertEquals(Optional.of(RedirectCheck.Refusal.CHALLENGE), RedirectCheck.arrival(registered, redirect(zero), PORTAL + "?" + zero));
        String signedZero = query("square-gw", "10.1.0.1", "0".repeat(32));
        assertEquals(Optional.of(RedirectCheck.Refusal.CHALLENGE),
                RedirectCheck.arrival(signing, redirect(signedZero), signed(signedZero, "uam-secret")));
        assertEquals(16, HexFormat.of().parseHex(CHALLENGE).length);
    }
}
