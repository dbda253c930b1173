package io.steppe.coverage.sample;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * MCC-MNC operator codes. An MCC must be an ITU-assigned range (200–799) and an MNC two or three digits; for
 * China (MCC 460) only the MNCs assigned by MIIT are known, so a typo such as 460-99 is rejected, not mapped.
 */
public final class OperatorCode {

    // compiled once: String.matches compiles its pattern on every call, and this runs for every imported row
    private static final Pattern MCC = Pattern.compile("[2-7][0-9]{2}");
    private static final Pattern MNC = Pattern.compile("[0-9]{2,3}");
    private static final Pattern CODE = Pattern.compile("[0-9]{5,6}");
    /** China Mobile 00/02/04/07/08, China Unicom 01/06/09, China Telecom 03/05/11, China Broadnet 15, CRC 20. */
    private static final Set<String> CHINA = Set.of("00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "11", "15", "20");

    private OperatorCode() {
    }

    /** The code {@code MCCMNC}, or an exception naming what is wrong. */
    public static String of(String mcc, String mnc) {
        String c = mcc.trim();
        String n = mnc.trim();
        if (!MCC.matcher(c).matches()) {
            throw new IllegalArgumentException("unknown operator code: mcc '" + mcc + "' is not a country code (200-799)");
        }
        if (!MNC.matcher(n).matches()) {
            throw new IllegalArgumentException("unknown operator code: mnc '" + mnc + "' is not two or three digits");
        }
        if (c.equals("460") && !CHINA.contains(n)) {
            throw new IllegalArgumentException("unknown operator code: 460-" + n + " is not a Chinese network");
        }
        return c + n;
    }

    /** A code written as one number, {@code 46000} or {@code 272003}. */
    public static String parse(String code) {
        String t = code.trim();
        if (!CODE.matcher(t).matches()) {
            throw new IllegalArgumentException("operator '" + code + "' is not an MCC-MNC code such as 46000");
        }
        return of(t.substring(0, 3), t.substring(3));
    }
}
