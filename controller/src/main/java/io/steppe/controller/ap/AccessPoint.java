package io.steppe.controller.ap;

import io.steppe.db.net.MacAddress;
import java.time.LocalDate;
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
 * @param hardware model, firmware and install date, as far as known
 */
public record AccessPoint(String id, MacAddress mac, String name, Optional<String> site, Optional<Location> location,
                          Optional<String> gateway, Optional<String> mgmtIp, Hardware hardware) {

    /** What is installed: the model, the firmware it was installed with (heartbeats report the running one), when. */
    public record Hardware(Optional<String> model, Optional<String> firmware, Optional<LocalDate> installDate) {
        public static final Hardware UNKNOWN = new Hardware(Optional.empty(), Optional.empty(), Optional.empty());

        public Hardware {
            model.ifPresent(m -> requireLength("model", m));
            firmware.ifPresent(f -> requireLength("firmware", f));
            Objects.requireNonNull(installDate, "installDate");
        }

        private static void requireLength(String what, String value) {
            if (value.isBlank() || value.length() > 100) {
                throw new IllegalArgumentException(what + " must be 1 to 100 characters");
            }
        }
    }

    /** An AP whose hardware is not recorded. */
    public AccessPoint(String id, MacAddress mac, String name, Optional<String> site, Optional<Location> location,
                       Optional<String> gateway, Optional<String> mgmtIp) {
        this(id, mac, name, site, location, gateway, mgmtIp, Hardware.UNKNOWN);
    }

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
        Objects.requireNonNull(hardware, "hardware");
        mgmtIp.ifPresent(ip -> {
            if (!io.netty.util.NetUtil.isValidIpV4Address(ip) && !io.netty.util.NetUtil.isValidIpV6Address(ip)) {
                throw new IllegalArgumentException("management address '" + ip + "' is not an IP address");
            }
        });
    }
}
