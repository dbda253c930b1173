package io.steppe.radius.packet;

import java.util.Optional;

/** RADIUS packet codes Steppe sends or receives, with the RFC section that defines each. */
public enum PacketCode {
    /** RFC 2865 §4.1. */
    ACCESS_REQUEST(1),
    /** RFC 2865 §4.2. */
    ACCESS_ACCEPT(2),
    /** RFC 2865 §4.3. */
    ACCESS_REJECT(3),
    /** RFC 2866 §4.1. */
    ACCOUNTING_REQUEST(4),
    /** RFC 2866 §4.2. */
    ACCOUNTING_RESPONSE(5),
    /** RFC 2865 §4.4. */
    ACCESS_CHALLENGE(11),
    /** RFC 5997 §3. */
    STATUS_SERVER(12),
    /** RFC 5176 §3. */
    DISCONNECT_REQUEST(40),
    /** RFC 5176 §3. */
    DISCONNECT_ACK(41),
    /** RFC 5176 §3. */
    DISCONNECT_NAK(42),
    /** RFC 5176 §3. */
    COA_REQUEST(43),
    /** RFC 5176 §3. */
    COA_ACK(44),
    /** RFC 5176 §3. */
    COA_NAK(45);

    private static final PacketCode[] BY_CODE = new PacketCode[256];

    static {
        for (PacketCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    PacketCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * Whether a packet of this code answers a request of code {@code request}: RFC 2865 §4, RFC 2866 §4, RFC 5176 §3,
     * and RFC 5997 §3 (Status-Server is answered as on the port it was sent to).
     */
    public boolean answers(PacketCode request) {
        return switch (request) {
            case ACCESS_REQUEST -> this == ACCESS_ACCEPT || this == ACCESS_REJECT || this == ACCESS_CHALLENGE;
            case ACCOUNTING_REQUEST -> this == ACCOUNTING_RESPONSE;
            case STATUS_SERVER -> this == ACCESS_ACCEPT || this == ACCOUNTING_RESPONSE;
            case DISCONNECT_REQUEST -> this == DISCONNECT_ACK || this == DISCONNECT_NAK;
            case COA_REQUEST -> this == COA_ACK || this == COA_NAK;
            default -> false;
        };
    }

    public static Optional<PacketCode> of(int code) {
        return code >= 0 && code < 256 ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
