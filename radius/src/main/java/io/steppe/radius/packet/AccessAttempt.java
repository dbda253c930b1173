package io.steppe.radius.packet;

import io.steppe.db.net.MacAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An Access-Request as policy sees it.
 *
 * @param nasName         the gateway it came from
 * @param nasId           that gateway's id in the database
 * @param userName        User-Name as sent
 * @param credential      what proves it
 * @param clientMac       Calling-Station-Id, normalised, when it is a MAC
 * @param calledStationId Called-Station-Id as sent (usually AP MAC and SSID)
 */
public record AccessAttempt(String nasName, long nasId, String userName, Credential credential, Optional<MacAddress> clientMac,
                            Optional<String> calledStationId) {

    public AccessAttempt {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(credential, "credential");
    }
}
