package io.steppe.portal.uam;

import java.math.BigInteger;
import java.net.InetAddress;

/** An address with its prefix length ({@code 10.1.0.0/16}), as a gateway is registered. */
public record AddressRange(InetAddress network, int prefixLength) {

    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] candidate = address.getAddress();
        if (net.length != candidate.length) {
            return false;
        }
        int bits = net.length * 8;
        int host = bits - prefixLength;
        return new BigInteger(1, net).shiftRight(host).equals(new BigInteger(1, candidate).shiftRight(host));
    }
}
