package io.steppe.radius.packet;

import io.steppe.db.net.MacAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decodes an Access-Request's octets into the {@link AccessAttempt} the policy decides on, in one pass over the
 * attributes and without an object per attribute: six attributes are all authentication needs, and an object for
 * every attribute of every request costs as much CPU as the rest of the request. Each attribute's length is checked by the rule of {@link DatagramCheck} as the
 * pass reaches it, so a malformed packet is a drop reason, never an exception. Message-Authenticator is not
 * checked here: the server's BlastRADIUS guard does that before anything else.
 */
public final class AccessRequestDecoder {

    private AccessRequestDecoder() {
    }

    /**
     * @param packet the request, exactly its Length long
     * @param secret the shared secret that hides User-Password
     * @return the attempt; or dropped as {@link DropReason#INVALID_TEXT} when User-Name is not text (a NUL, a control
     *     character, not UTF-8), as malformed when a length is wrong, and as {@link DropReason#UNDECODABLE} when
     *     User-Name is missing, User-Password is malformed, CHAP-Password is not 17 octets, or both are present
     */
    public static Decoded<AccessAttempt> decode(String nasName, long nasId, byte[] packet, byte[] secret) {
        try {
            return read(nasName, nasId, packet, secret);
        } catch (RuntimeException e) {
            return Decoded.dropped(DropReason.UNDECODABLE, e.toString()); // a defect of ours; the gateway will retransmit
        }
    }

    private static Decoded<AccessAttempt> read(String nasName, long nasId, byte[] packet, byte[] secret) {
        int length = DatagramCheck.declaredLength(packet, packet.length);
        if (length < 0) {
            return Decoded.dropped(DropReason.MALFORMED_LENGTH, "the header's Length does not fit the datagram");
        }
        String userName = null;
        String calling = null;
        String called = null;
        int passwordOffset = -1;
        int chapPasswordOffset = -1;
        int chapChallengeOffset = -1;
        for (int offset = DatagramCheck.HEADER_LENGTH, next; offset < length; offset = next) {
            next = DatagramCheck.attributeEnd(packet, offset, length);
            if (next < 0) {
                return Decoded.dropped(DropReason.MALFORMED_ATTRIBUTE, "an attribute's length is wrong at octet " + offset);
            }
            int value = offset + 2;
            int valueLength = next - value;
            // The first of each counts, as FreeRADIUS takes it.
            switch (packet[offset] & 0xff) {
                case Attributes.USER_NAME -> {
                    if (userName == null) {
                        userName = TextAttribute.decode(packet, value, valueLength);
                        if (userName == null) {
                            return Decoded.dropped(DropReason.INVALID_TEXT, TextAttribute.notText("User-Name"));
                        }
                    }
                }
                // Optional, and never stored from here: when they are not text, they are as good as absent.
                case Attributes.CALLING_STATION_ID -> calling = calling != null ? calling : TextAttribute.decode(packet, value, valueLength);
                case Attributes.CALLED_STATION_ID -> called = called != null ? called : TextAttribute.decode(packet, value, valueLength);
                case Attributes.USER_PASSWORD -> passwordOffset = passwordOffset >= 0 ? passwordOffset : offset;
                case Attributes.CHAP_PASSWORD -> chapPasswordOffset = chapPasswordOffset >= 0 ? chapPasswordOffset : offset;
                case Attributes.CHAP_CHALLENGE -> chapChallengeOffset = chapChallengeOffset >= 0 ? chapChallengeOffset : offset;
                default -> {
                }
            }
        }
        if (userName == null) {
            return Decoded.dropped(DropReason.UNDECODABLE, "User-Name is missing");
        }
        if (passwordOffset >= 0 && chapPasswordOffset >= 0) {
            return Decoded.dropped(DropReason.UNDECODABLE, "both User-Password and CHAP-Password");
        }
        Credential credential;
        if (passwordOffset >= 0) {
            int valueLength = (packet[passwordOffset + 1] & 0xff) - 2;
            if (!UserPassword.isWellFormed(valueLength)) {
                return Decoded.dropped(DropReason.UNDECODABLE, "User-Password of " + valueLength + " octets is not 16 to 128 in blocks of 16");
            }
            credential = new Credential.Pap(UserPassword.reveal(packet, passwordOffset + 2, valueLength, secret));
        } else if (chapPasswordOffset >= 0) {
            int valueLength = (packet[chapPasswordOffset + 1] & 0xff) - 2;
            if (valueLength != Chap.PASSWORD_LENGTH) {
                return Decoded.dropped(DropReason.UNDECODABLE, "CHAP-Password must be 17 octets, was " + valueLength);
            }
            int value = chapPasswordOffset + 2;
            byte[] challenge = chapChallengeOffset >= 0
                    ? Arrays.copyOfRange(packet, chapChallengeOffset + 2, chapChallengeOffset + (packet[chapChallengeOffset + 1] & 0xff))
                    : Arrays.copyOfRange(packet, 4, DatagramCheck.HEADER_LENGTH);
            credential = new Credential.ChapResponse(new Chap(packet[value], Arrays.copyOfRange(packet, value + 1, value + 17), challenge));
        } else {
            credential = new Credential.None();
        }
        return new Decoded.Ok<>(new AccessAttempt(nasName, nasId, userName, credential,
                Optional.ofNullable(calling).flatMap(MacAddress::tryParse), Optional.ofNullable(called)));
    }
}
