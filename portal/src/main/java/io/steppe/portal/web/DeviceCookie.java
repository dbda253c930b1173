package io.steppe.portal.web;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.steppe.db.net.MacAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Which device on which gateway a browser is, kept in a signed cookie from the gateway's checked redirect: the
 * address the portal sees is the gateway's own where it NATs its clients, so {@code /status} and {@code /logout}
 * could not otherwise tell one phone from another. Signed with a key derived from the master key
 * ({@code SecretKeys.portalKey}), so that every node of a city reads a cookie any of them set.
 */
final class DeviceCookie {

    static final String NAME = "steppe_device";
    /** Longer than any day's allowance, shorter than a remembered device's week. */
    private static final Duration LIFETIME = Duration.ofDays(1);

    /**
     * A device the portal was told of by its gateway.
     *
     * @param logoff the UAM gateway's own log-off URL; empty for an access controller, which the portal logs off
     */
    record Known(String gateway, MacAddress mac, Optional<String> logoff) {
    }

    private final Csrf signer;

    DeviceCookie(Csrf signer) {
        this.signer = signer;
    }

    Cookie write(Known device) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (device.gateway() + "\n" + device.mac() + "\n" + device.logoff().orElse("")).getBytes(StandardCharsets.UTF_8));
        return Cookie.of(NAME, payload + "." + signer.token("device", payload)).path("/").httpOnly(true)
                .sameSite(SameSite.Lax).maxAge(LIFETIME);
    }

    /** The device a cookie names, if it is one this portal signed. */
    Optional<Known> read(Optional<String> cookie) {
        if (cookie.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = cookie.get().split("\\.", 2);
        if (parts.length != 2 || !signer.valid(parts[1], "device", parts[0])) {
            return Optional.empty();
        }
        try {
            String[] fields = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).split("\n", -1);
            return Optional.of(new Known(fields[0], MacAddress.parse(fields[1]),
                    fields[2].isEmpty() ? Optional.empty() : Optional.of(fields[2])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
