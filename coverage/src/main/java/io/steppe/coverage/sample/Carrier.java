package io.steppe.coverage.sample;

import java.util.Optional;

/** The network operators of mainland China, each with the MCC-MNC codes its networks use. */
public enum Carrier {
    CHINA_MOBILE, CHINA_UNICOM, CHINA_TELECOM;

    /** The carrier whose network {@code mccMnc} (such as {@code 46000}) is, if it is one of mainland China's. */
    public static Optional<Carrier> of(String mccMnc) {
        return switch (mccMnc) {
            case "46000", "46002", "46004", "46007", "46008" -> Optional.of(CHINA_MOBILE);
            case "46001", "46006", "46009" -> Optional.of(CHINA_UNICOM);
            case "46003", "46005", "46011" -> Optional.of(CHINA_TELECOM);
            default -> Optional.empty();
        };
    }
}
