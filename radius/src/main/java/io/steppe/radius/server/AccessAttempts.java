package io.steppe.radius.server;

import io.steppe.db.net.MacAddress;
import io.steppe.radius.auth.AccessAttempt;
import io.steppe.radius.auth.Credential;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.Chap;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.TextAttribute;
import io.steppe.radius.packet.UserPassword;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads what the policy decides on straight from an Access-Request's octets. Six attributes are all
 * authentication needs; building tinyradius's attribute objects for every request (and verifying
 * Message-Authenticator a second time) was half the server's CPU per request, so this hot path does not
 * use it. The packet has passed {@link DatagramCheck}, so its attribute lengths are sound.
 */
final class AccessAttempts {

    private AccessAttempts() {
    }

    /**
     * @param secret the shared secret that hides User-Password
     * @throws TextAttribute.Invalid     when User-Name is not text (a NUL, a control character, not UTF-8)
     * @throws IllegalArgumentException when User-Name is missing, User-Password is malformed, CHAP-Password is
     *                                  not 17 octets, or the request carries both
     */
    static AccessAttempt of(String nasName, long nasId, byte[] packet, byte[] secret) {
        byte[] authenticator = Arrays.copyOfRange(packet, 4, 20);
        String userName = null;
        String calling = null;
        String called = null;
        int passwordOffset = -1;
        byte[] chapPassword = null;
        byte[] chapChallenge = null;
        int length = DatagramCheck.packetLength(packet);
        for (int offset = DatagramCheck.HEADER_LENGTH; offset < length; offset += packet[offset + 1] & 0xff) {
            int type = packet[offset] & 0xff;
            int valueLength = (packet[offset + 1] & 0xff) - 2;
            int value = offset + 2;
            // The first of each counts, as tinyradius and FreeRADIUS take it.
            switch (type) {
                case Attributes.USER_NAME -> userName = userName != null ? userName
                        : TextAttribute.require(packet, value, valueLength, "User-Name");
                // Optional, and never stored from here: when they are not text, they are as good as absent.
                case Attributes.CALLING_STATION_ID -> calling = calling != null ? calling : TextAttribute.decode(packet, value, valueLength);
                case Attributes.CALLED_STATION_ID -> called = called != null ? called : TextAttribute.decode(packet, value, valueLength);
                case Attributes.USER_PASSWORD -> passwordOffset = passwordOffset >= 0 ? passwordOffset : offset;
                case Attributes.CHAP_PASSWORD -> chapPassword = chapPassword != null ? chapPassword
                        : Arrays.copyOfRange(packet, value, value + valueLength);
                case Attributes.CHAP_CHALLENGE -> chapChallenge = chapChallenge != null ? chapChallenge
                        : Arrays.copyOfRange(packet, value, value + valueLength);
                default -> {
                }
            }
        }
        if (userName == null) {
            throw new IllegalArgumentException("User-Name is missing");
        }
        if (passwordOffset >= 0 && chapPassword != null) {
            throw new IllegalArgumentException("both User-Password and CHAP-Password");
        }
        Credential credential;
        if (passwordOffset >= 0) {
            credential = new Credential.Pap(UserPassword.reveal(packet, passwordOffset + 2, (packet[passwordOffset + 1] & 0xff) - 2,
                    secret, authenticator));
        } else if (chapPassword != null) {
            credential = new Credential.ChapResponse(Chap.of(chapPassword, chapChallenge != null ? chapChallenge : authenticator));
        } else {
            credential = new Credential.None();
        }
        return new AccessAttempt(nasName, nasId, userName, credential, Optional.ofNullable(calling).flatMap(MacAddress::tryParse),
                Optional.ofNullable(called));
    }
}
