package io.steppe.portal.uam;

import io.steppe.db.net.MacAddress;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a gateway says when it sends a client to the portal ({@code /?res=notyet&uamip=…}), checked.
 *
 * @param res        notyet, success, failed, logoff, already (and others passed through)
 * @param uamIp      the gateway's address as the client reaches it
 * @param uamPort    its UAM port
 * @param challenge  16 random octets, hex (required for notyet)
 * @param clientMac  the client's MAC
 * @param clientIp   the client's address
 * @param nasId      the gateway's name (NAS-Identifier)
 * @param userUrl    where the user was going, as given (checked by {@link UserUrl} before any use)
 * @param reason     why a login failed ({@code res=failed})
 */
public record UamRedirect(String res, String uamIp, int uamPort, Optional<byte[]> challenge, Optional<MacAddress> clientMac,
                          Optional<String> clientIp, Optional<String> nasId, Optional<String> userUrl, Optional<String> reason) {

    /** Longest value of any parameter; a gateway never sends more, a hostile client might. */
    public static final int MAX_VALUE = 2048;

    /**
     * @throws IllegalArgumentException naming the parameter that is missing or wrong
     */
    public static UamRedirect parse(Map<String, String> query) {
        query.forEach((k, v) -> {
            if (v != null && v.length() > MAX_VALUE) {
                throw new IllegalArgumentException("parameter '" + k + "' is too long");
            }
        });
        String res = Optional.ofNullable(query.get("res")).orElse("notyet").toLowerCase(Locale.ROOT);
        String uamIp = require(query, "uamip");
        if (!io.netty.util.NetUtil.isValidIpV4Address(uamIp) && !io.netty.util.NetUtil.isValidIpV6Address(uamIp)) {
            throw new IllegalArgumentException("parameter 'uamip' is not an IP address");
        }
        int uamPort;
        try {
            uamPort = Integer.parseInt(require(query, "uamport"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter 'uamport' is not a port number");
        }
        if (uamPort < 1 || uamPort > 65535) {
            throw new IllegalArgumentException("parameter 'uamport' is not a port number");
        }
        Optional<byte[]> challenge = Optional.ofNullable(query.get("challenge")).map(UamRedirect::challenge);
        if (res.equals("notyet") && challenge.isEmpty()) {
            throw new IllegalArgumentException("parameter 'challenge' is missing");
        }
        Optional<MacAddress> mac = Optional.ofNullable(query.get("mac")).map(m -> {
            try {
                return MacAddress.parse(m);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter 'mac' is not a MAC address");
            }
        });
        if (res.equals("notyet") && mac.isEmpty()) {
            throw new IllegalArgumentException("parameter 'mac' is missing");
        }
        return new UamRedirect(res, uamIp, uamPort, challenge, mac, nonBlank(query, "ip"), nonBlank(query, "nasid"),
                nonBlank(query, "userurl"), nonBlank(query, "reason"));
    }

    private static byte[] challenge(String hex) {
        if (!hex.matches("[0-9A-Fa-f]{32}")) {
            throw new IllegalArgumentException("parameter 'challenge' is not 32 hex digits");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static String require(Map<String, String> query, String name) {
        return nonBlank(query, name).orElseThrow(() -> new IllegalArgumentException("parameter '" + name + "' is missing"));
    }

    private static Optional<String> nonBlank(Map<String, String> query, String name) {
        return Optional.ofNullable(query.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The challenge in the hex form the gateway sent. */
    public String challengeHex() {
        return challenge.map(c -> HexFormat.of().formatHex(c)).orElse("");
    }
}
