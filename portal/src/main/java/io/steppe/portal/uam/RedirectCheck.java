package io.steppe.portal.uam;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether the portal may act on a redirect for {@code gateway}: the rule that the portal sends a browser, and with
 * it a one-time credential, only where the gateway itself said. A gateway with a UAM secret proves its redirects
 * with {@code md}; one without is trusted only to name the {@code uamip} addresses it was registered with. An
 * all-zero challenge is refused too: with no UAM secret, the password it masks would travel in clear.
 */
public final class RedirectCheck {

    /** Why a redirect is refused; each has a message in the bundles. */
    public enum Refusal {
        /** A gateway with a UAM secret sent no {@code md}. */
        UNSIGNED,
        /** The {@code md} does not match. */
        FORGED,
        /** {@code uamip} is not one of the gateway's registered addresses. */
        FOREIGN_UAMIP,
        /** Neither a UAM secret nor a UAM address is registered: nothing the portal could trust. */
        NOT_SET_UP,
        /** The challenge is all zeros, or was answered before. */
        CHALLENGE
    }

    private RedirectCheck() {
    }

    /**
     * A redirect as it arrives from the browser.
     *
     * @param requestedUrl the URL the browser asked for, as the gateway wrote it ({@code md} last, if any)
     */
    public static Optional<Refusal> arrival(Gateway gateway, UamRedirect redirect, String requestedUrl) {
        if (gateway.uamSecret().isPresent()) {
            if (!requestedUrl.contains("&md=")) {
                return Optional.of(Refusal.UNSIGNED);
            }
            if (!UamChecksum.valid(requestedUrl, gateway.uamSecret().get())) {
                return Optional.of(Refusal.FORGED);
            }
        }
        return destination(gateway, redirect);
    }

    /**
     * Where a login for {@code redirect} would send the browser: checked on arrival and again on every posted form
     * before a credential is issued for it.
     */
    public static Optional<Refusal> destination(Gateway gateway, UamRedirect redirect) {
        if (gateway.uamSecret().isEmpty() && gateway.uamAddresses().isEmpty()) {
            return Optional.of(Refusal.NOT_SET_UP);
        }
        if (!gateway.uamAddresses().isEmpty() && !gateway.uamAddresses().contains(literal(redirect.uamIp()))) {
            return Optional.of(Refusal.FOREIGN_UAMIP);
        }
        if (redirect.challenge().isPresent() && allZero(redirect.challenge().get())) {
            return Optional.of(Refusal.CHALLENGE);
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] challenge) {
        int any = 0;
        for (byte b : challenge) {
            any |= b;
        }
        return any == 0;
    }

    /** {@code uamip} was checked to be an address literal, so this never asks DNS. */
    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("uamip is not an address: " + ip, e);
        }
    }
}
