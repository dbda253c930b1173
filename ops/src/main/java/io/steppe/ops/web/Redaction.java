package io.steppe.ops.web;

import io.steppe.db.net.MacAddress;

/**
 * What an operator sees of a Wi-Fi client. A client MAC, with the real-name register behind it, identifies a
 * person, and a voucher code used as a RADIUS user name is a credential: operators troubleshoot gateways and APs,
 * for which the MAC's vendor prefix (OUI) and the session's figures are enough. Admins, who answer the real-name
 * requests of the law, see everything.
 */
final class Redaction {

    private Redaction() {
    }

    /** {@code aa:bb:cc:**:**:**}: the vendor prefix only. */
    static String mac(String mac) {
        return MacAddress.tryParse(mac).map(m -> m.toString().substring(0, 8) + ":**:**:**").orElse("**");
    }

    /**
     * A RADIUS user name: a device's MAC (MAC authentication) masked as a MAC; the portal's one-time credential
     * ({@code p-…}, spent at login) as it is; anything else, such as a voucher code, to its first two characters.
     */
    static String username(String username) {
        if (MacAddress.tryParse(username).isPresent()) {
            return mac(username);
        }
        if (username.startsWith("p-")) {
            return username;
        }
        return username.substring(0, Math.min(2, username.length())) + "******";
    }
}
