package io.steppe.portal.ac;

import java.util.Optional;

/** The Portal protocol's packet types; the portal sends the requests and affirmations, the AC the rest. */
public enum PortalType {
    REQ_CHALLENGE(0x01),
    ACK_CHALLENGE(0x02),
    REQ_AUTH(0x03),
    ACK_AUTH(0x04),
    REQ_LOGOUT(0x05),
    ACK_LOGOUT(0x06),
    AFF_ACK_AUTH(0x07),
    NTF_LOGOUT(0x08),
    REQ_INFO(0x09),
    ACK_INFO(0x0a),
    /** Huawei's answer to NTF_LOGOUT; CMCC's ACs expect ACK_LOGOUT instead. */
    ACK_NTF_LOGOUT(0x0e);

    private final int code;

    PortalType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PortalType> of(int code) {
        for (PortalType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
