package io.steppe.radius.server;

import io.steppe.db.net.MacAddress;
import io.steppe.radius.auth.AccessAttempt;
import io.steppe.radius.auth.Credential;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.Chap;
import io.steppe.radius.packet.RadiusRequests;
import java.util.Optional;
import org.tinyradius.core.packet.request.AccessRequestChap;
import org.tinyradius.core.packet.request.AccessRequestPap;
import org.tinyradius.core.packet.request.RadiusRequest;

/** Turns a decoded Access-Request into what the policy decides on. */
final class AccessAttempts {

    private AccessAttempts() {
    }

    /**
     * @param requestAuthenticator the CHAP challenge when the request carries no CHAP-Challenge
     * @throws IllegalArgumentException when User-Name is missing
     */
    static AccessAttempt of(String nasName, RadiusRequest request, byte[] requestAuthenticator) {
        String userName = RadiusRequests.text(request, Attributes.USER_NAME)
                .orElseThrow(() -> new IllegalArgumentException("User-Name is missing"));
        Credential credential;
        if (request instanceof AccessRequestPap pap) {
            credential = new Credential.Pap(pap.getPassword().orElse(""));
        } else if (request instanceof AccessRequestChap) {
            byte[] chapPassword = request.getAttribute(Attributes.CHAP_PASSWORD).orElseThrow().getValue();
            byte[] challenge = request.getAttribute(Attributes.CHAP_CHALLENGE).map(a -> a.getValue()).orElse(requestAuthenticator);
            credential = new Credential.ChapResponse(Chap.of(chapPassword, challenge));
        } else {
            credential = new Credential.None();
        }
        Optional<MacAddress> clientMac = RadiusRequests.text(request, Attributes.CALLING_STATION_ID).flatMap(MacAddress::tryParse);
        return new AccessAttempt(nasName, userName, credential, clientMac, RadiusRequests.text(request, Attributes.CALLED_STATION_ID));
    }
}
