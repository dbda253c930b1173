package io.steppe.portal.ac;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * A Portal protocol packet as its 16-octet header and attributes say; v2's authenticator is the codec's business.
 *
 * @param version  1 or 2
 * @param pap      the PAP/CHAP octet: true for PAP (1), false for CHAP (0)
 * @param serialNo chosen by whoever starts an exchange and echoed by the answer, so retransmissions keep it
 * @param reqId    the AC's number for one CHAP login, given in ACK_CHALLENGE and echoed by REQ_AUTH and AFF_ACK_AUTH
 * @param userIp   the user's address, which names the user to the AC
 * @param errCode  the answer's outcome (0 success), or why a REQ_LOGOUT is sent (1 after a request timed out)
 */
public record PortalPacket(int version, PortalType type, boolean pap, int serialNo, int reqId, Inet4Address userIp, int userPort,
                           int errCode, List<PortalAttribute> attributes) {

    public PortalPacket {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("version " + version + " is neither 1 nor 2");
        }
        check("serialNo", serialNo, 0xffff);
        check("reqId", reqId, 0xffff);
        check("userPort", userPort, 0xffff);
        check("errCode", errCode, 0xff);
        if (attributes.size() > 0xff) {
            throw new IllegalArgumentException(attributes.size() + " attributes, more than 255");
        }
        attributes = List.copyOf(attributes);
    }

    private static void check(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is out of range");
        }
    }

    /** The first attribute of {@code type}. */
    public Optional<PortalAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }
}
