package io.steppe.bench;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where the generator sends: a loopback address (127.0.0.0/8 or ::1) and a port, nothing else. Load at tens of
 * thousands of requests a second must never leave the machine, so host names other than {@code localhost} are
 * refused rather than resolved.
 */
public record LoopbackTarget(InetSocketAddress address) {

    public LoopbackTarget {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("--target " + address.getAddress().getHostAddress()
                    + " is not a loopback address: the generator only sends to 127.0.0.0/8 or ::1");
        }
    }

    /**
     * Parses {@code HOST:PORT}, {@code HOST}, {@code [::1]:PORT} or {@code ::1}; without a port, {@code defaultPort}.
     *
     * @throws IllegalArgumentException naming {@code --target} when the text is not a loopback address and port
     */
    public static LoopbackTarget parse(String text, int defaultPort) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ':')) {
                throw new IllegalArgumentException("--target must be HOST:PORT, e.g. 127.0.0.1:1812 or [::1]:1812, was '" + text + "'");
            }
            host = text.substring(1, close);
            port = close + 1 < text.length() ? text.substring(close + 2) : null;
        } else if (text.indexOf(':') == text.lastIndexOf(':')) {
            int colon = text.indexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        } else {
            host = text;
        }
        return new LoopbackTarget(new InetSocketAddress(address(host), port == null ? defaultPort : port(port)));
    }

    private static InetAddress address(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return NetUtil.LOCALHOST4;
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(host);
        if (address == null) {
            throw new IllegalArgumentException("--target must be a loopback address (127.0.0.0/8, ::1 or localhost),"
                    + " not a host name: '" + host + "'");
        }
        return address;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the other bad values
        }
        throw new IllegalArgumentException("--target port must be 1 to 65535, was '" + text + "'");
    }

    @Override
    public String toString() {
        return NetUtil.toSocketAddressString(address);
    }
}
