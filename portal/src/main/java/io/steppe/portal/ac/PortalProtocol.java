package io.steppe.portal.ac;

import java.util.Locale;

/**
 * How an AC speaks the Portal protocol, as {@code steppe nas add --portal-protocol} names it. Huawei's ACs take v1
 * or v2 as configured ({@code web-auth-server … protocol portal version}); H3C's ({@code server-type cmcc}) and
 * Ruijie's ({@code fmt cmcc-ext1}) speak China Mobile's, which is Huawei's with another answer to NTF_LOGOUT.
 */
public enum PortalProtocol {
    HUAWEI_V1("huawei-v1", 1, PortalType.ACK_NTF_LOGOUT),
    HUAWEI_V2("huawei-v2", 2, PortalType.ACK_NTF_LOGOUT),
    CMCC_V1("cmcc-v1", 1, PortalType.ACK_LOGOUT),
    CMCC_V2("cmcc-v2", 2, PortalType.ACK_LOGOUT);

    private final String label;
    private final int version;
    private final PortalType logoutNoticeAnswer;

    PortalProtocol(String label, int version, PortalType logoutNoticeAnswer) {
        this.label = label;
        this.version = version;
        this.logoutNoticeAnswer = logoutNoticeAnswer;
    }

    /** The name {@code steppe nas} and the database use. */
    public String label() {
        return label;
    }

    /** The packets' version: 2 carries an authenticator, 1 does not. */
    public int version() {
        return version;
    }

    /** The type of the portal's answer to the AC's NTF_LOGOUT. */
    public PortalType logoutNoticeAnswer() {
        return logoutNoticeAnswer;
    }

    /** @throws IllegalArgumentException naming what is accepted */
    public static PortalProtocol parse(String label) {
        for (PortalProtocol p : values()) {
            if (p.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("portal protocol '" + label + "' is not one of huawei-v1, huawei-v2, cmcc-v1, cmcc-v2");
    }
}
