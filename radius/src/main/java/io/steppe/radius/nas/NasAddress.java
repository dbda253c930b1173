package io.steppe.radius.nas;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The source address, or range of addresses (CIDR), a gateway sends RADIUS from. Only literal IPv4 and
 * IPv6 addresses are accepted, never host names: resolving a name would make the client list depend on DNS.
 */
public record NasAddress(InetAddress network, int prefixLength) {

    public NasAddress {
        int max = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0.." + max);
        }
        byte[] bytes = network.getAddress();
        if (!Arrays.equals(bytes, mask(bytes, prefixLength))) {
            throw new IllegalArgumentException(network.getHostAddress() + "/" + prefixLength
                    + " has host bits set; the network is " + masked(network, prefixLength).getHostAddress() + "/" + prefixLength);
        }
    }

    /**
     * Parses {@code 192.0.2.7}, {@code 192.0.2.0/24}, {@code 2001:db8::1} or {@code 2001:db8::/32}.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static NasAddress parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length after '/'");
            }
        }
        try {
            return new NasAddress(InetAddress.getByAddress(bytes), prefix);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }

    /** Whether {@code address} lies in this range. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.getAddress().length
                && Arrays.equals(mask(candidate, prefixLength), network.getAddress());
    }

    public boolean isSingleHost() {
        return prefixLength == network.getAddress().length * 8;
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        try {
            return InetAddress.getByAddress(mask(address.getAddress(), prefixLength));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mask(byte[] bytes, int prefixLength) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefixLength - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - bits)));
        }
        return out;
    }

    /** {@code 192.0.2.7} for one host, {@code 192.0.2.0/24} for a range. */
    @Override
    public String toString() {
        String host = NetUtil.toAddressString(network);
        return isSingleHost() ? host : host + "/" + prefixLength;
    }
}
