package io.steppe.portal.ac;

import io.steppe.db.net.MacAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an access controller says when it sends a new client to the portal, in the parameter names ACs use:
 * China Mobile's ({@code wlanuserip}, {@code wlanacname}, {@code wlanacip}, {@code wlanusermac}, {@code wlanapmac},
 * {@code ssid}, {@code wlanuserfirsturl}), which H3C ({@code server-type cmcc}) and Ruijie ({@code fmt cmcc-ext1})
 * send, and the keywords Huawei's {@code url-template} is usually given ({@code user-ipaddress} or {@code userip},
 * {@code user-mac} or {@code usermac}, {@code ac-name}, {@code ac-ip}, {@code ap-mac}, {@code ssid},
 * {@code redirect-url}). Nothing here is trusted yet: the AC must be registered, and it confirms the user's
 * address by logging it on (and its MAC by the RADIUS request it sends).
 *
 * @param userIp   the user's address, which names the user to the AC
 * @param userMac  the user's MAC, to which a voucher or code binds the device
 * @param acName   the AC's name, the gateway's name in Steppe
 * @param acIp     the AC's address
 * @param userUrl  where the user was going, as given (checked before any use)
 */
public record AcRedirect(Inet4Address userIp, MacAddress userMac, Optional<String> acName, Optional<InetAddress> acIp,
                         Optional<String> apMac, Optional<String> ssid, Optional<String> userUrl) {

    /** Longest value of any parameter; an AC never sends more, a hostile client might. */
    public static final int MAX_VALUE = 2048;

    static final List<String> USER_IP = List.of("wlanuserip", "user-ipaddress", "userip");
    static final List<String> USER_MAC = List.of("wlanusermac", "user-mac", "usermac");
    static final List<String> AC_NAME = List.of("wlanacname", "ac-name", "acname");
    static final List<String> AC_IP = List.of("wlanacip", "ac-ip", "acip", "nasip");
    static final List<String> AP_MAC = List.of("wlanapmac", "ap-mac", "apmac");
    static final List<String> USER_URL = List.of("wlanuserfirsturl", "url", "redirect-url", "firsturl");

    /** Whether the query is an AC's redirect rather than a UAM gateway's: it names the user's address. */
    public static boolean isAcRedirect(Map<String, String> query) {
        return USER_IP.stream().anyMatch(query::containsKey);
    }

    /**
     * @throws IllegalArgumentException naming the parameter that is missing or wrong
     */
    public static AcRedirect parse(Map<String, String> query) {
        query.forEach((k, v) -> {
            if (v != null && v.length() > MAX_VALUE) {
                throw new IllegalArgumentException("parameter '" + k + "' is too long");
            }
        });
        String ipName = first(query, USER_IP).orElseThrow(() -> new IllegalArgumentException("parameter 'wlanuserip' is missing"));
        InetAddress ip = io.netty.util.NetUtil.createInetAddressFromIpAddressString(query.get(ipName).trim());
        if (!(ip instanceof Inet4Address userIp)) {
            throw new IllegalArgumentException("parameter '" + ipName + "' is not an IPv4 address");
        }
        String macName = first(query, USER_MAC).orElseThrow(() -> new IllegalArgumentException("parameter 'wlanusermac' is missing"));
        MacAddress mac;
        try {
            mac = MacAddress.parse(query.get(macName).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + macName + "' is not a MAC address");
        }
        Optional<InetAddress> acIp = first(query, AC_IP).map(name -> {
            InetAddress a = io.netty.util.NetUtil.createInetAddressFromIpAddressString(query.get(name).trim());
            if (a == null) {
                throw new IllegalArgumentException("parameter '" + name + "' is not an IP address");
            }
            return a;
        });
        Optional<String> acName = value(query, AC_NAME);
        if (acName.isEmpty() && acIp.isEmpty()) {
            throw new IllegalArgumentException("parameter 'wlanacname' or 'wlanacip' is missing");
        }
        return new AcRedirect(userIp, mac, acName, acIp, value(query, AP_MAC), value(query, List.of("ssid")), value(query, USER_URL));
    }

    /** The first of {@code names} the query holds with a value. */
    private static Optional<String> first(Map<String, String> query, List<String> names) {
        return names.stream().filter(n -> query.get(n) != null && !query.get(n).isBlank()).findFirst();
    }

    private static Optional<String> value(Map<String, String> query, List<String> names) {
        return first(query, names).map(n -> query.get(n).trim());
    }
}
