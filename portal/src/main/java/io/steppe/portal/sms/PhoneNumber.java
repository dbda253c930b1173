package io.steppe.portal.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * A mobile number in E.164 ({@code +8613812345678}), as {@link MobileNumbers} accepted it or the vault gave it
 * back. {@link #toString()} shows only the country code and the last two digits.
 */
public record PhoneNumber(String e164) {

    /** For people and logs: the country code and the last two digits. */
    public String masked() {
        int keep = 2;
        String country = "+" + countryCode();
        return country + "*".repeat(Math.max(0, e164.length() - country.length() - keep)) + e164.substring(e164.length() - keep);
    }

    private String countryCode() {
        try {
            return Integer.toString(PhoneNumberUtil.getInstance().parse(e164, "ZZ").getCountryCode());
        } catch (NumberParseException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "PhoneNumber[" + masked() + "]";
    }
}
