package io.steppe.controller.ap;

import io.steppe.db.net.MacAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An access point as registered.
 *
 * @param id       the operator's identifier, e.g. {@code jn-square-01}
 * @param mac      its MAC, as RADIUS accounting names it in Called-Station-Id
 * @param name     what people call it
 * @param site     district, scenic spot or village it serves
 * @param location where it is, if known
 * @param gateway  the name of the gateway (NAS) it sits behind
 * @param mgmtIp   its management address, for probes
 */
public record AccessPoint(String id, MacAddress mac, String name, Optional<String> site, Optional<Location> location,
                          Optional<String> gateway, Optional<String> mgmtIp) {

    /** WGS84 degrees. */
    public record Location(double latitude, double longitude) {
        public Location {
            if (!(latitude >= -90 && latitude <= 90)) {
                throw new IllegalArgumentException("latitude " + latitude + " is outside -90..90");
            }
            if (!(longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("longitude " + longitude + " is outside -180..180");
            }
        }
    }

    public AccessPoint {
        Objects.requireNonNull(mac, "mac");
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("AP id '" + id
                    + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("AP name must be 1 to 200 characters");
        }
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(gateway, "gateway");
        mgmtIp.ifPresent(ip -> {
            if (!io.netty.util.NetUtil.isValidIpV4Address(ip) && !io.netty.util.NetUtil.isValidIpV6Address(ip)) {
                throw new IllegalArgumentException("management address '" + ip + "' is not an IP address");
            }
        });
    }
}
