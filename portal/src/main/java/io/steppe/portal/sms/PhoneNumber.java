package io.steppe.portal.sms;

import java.util.regex.Pattern;

/**
 * A mobile number in E.164 ({@code +8613812345678}). Mainland numbers may be typed without {@code +86};
 * every other country needs its code. Mongolian (+976) and Russian (+7) mobiles are checked by their own
 * rules, others by E.164's length. {@link #toString()} shows only the last two digits.
 */
public record PhoneNumber(String e164) {

    private static final Pattern CHINA_MOBILE = Pattern.compile("\\+861[3-9]\\d{9}");
    private static final Pattern MONGOLIA_MOBILE = Pattern.compile("\\+976[5-9]\\d{7}");
    private static final Pattern RUSSIA_MOBILE = Pattern.compile("\\+79\\d{9}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    /** @throws IllegalArgumentException when the text is not a mobile number this portal can send to */
    public static PhoneNumber parse(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s()\\-.]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (!digits.startsWith("+") && digits.matches("1[3-9]\\d{9}")) {
            digits = "+86" + digits;
        }
        if (!E164.matcher(digits).matches()) {
            throw new IllegalArgumentException("not a mobile number with its country code");
        }
        if ((digits.startsWith("+86") && !CHINA_MOBILE.matcher(digits).matches())
                || (digits.startsWith("+976") && !MONGOLIA_MOBILE.matcher(digits).matches())
                || (digits.startsWith("+7") && !RUSSIA_MOBILE.matcher(digits).matches())) {
            throw new IllegalArgumentException("not a mobile number of that country");
        }
        return new PhoneNumber(digits);
    }

    /** For people and logs: the country code and the last two digits. */
    public String masked() {
        int keep = 2;
        String country = e164.startsWith("+86") ? "+86" : e164.startsWith("+976") ? "+976" : e164.startsWith("+7") ? "+7" : "+";
        return country + "*".repeat(Math.max(0, e164.length() - country.length() - keep)) + e164.substring(e164.length() - keep);
    }

    @Override
    public String toString() {
        return "PhoneNumber[" + masked() + "]";
    }
}
