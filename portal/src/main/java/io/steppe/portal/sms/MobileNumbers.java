package io.steppe.portal.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which typed numbers a code may be sent to: mobile numbers of the configured countries, by Google's
 * libphonenumber metadata, which follows the numbering plans as regulators change them. Everything else is
 * refused before an SMS costs anything: premium-rate, shared-cost, toll-free and satellite numbers (+881…),
 * landlines, unassigned ranges (+999…) and countries not configured (+269… unless Comoros is). A number typed
 * without {@code +} is accepted when exactly one reading of it is such a mobile: {@code 13812345678} (China),
 * {@code 97699112233} (Mongolia with its code), {@code 89161234567} (Russia with its trunk prefix).
 */
public final class MobileNumbers {

    /** {@code STEPPE_SMS_COUNTRIES}' default: the city's own country and its neighbours' visitors. */
    public static final Set<String> DEFAULT_COUNTRIES = Set.of("CN", "MN", "RU");
    private static final int LONGEST_TYPED = 32;
    private static final Map<String, String> LANGUAGE_REGIONS = Map.of("zh", "CN", "mn", "MN", "ru", "RU");

    /** Why a typed number gets no code; each has a message ({@code error.phone.*}). */
    public enum Refusal { INVALID, NOT_MOBILE, COUNTRY, AMBIGUOUS }

    /** What the typed text came to: a number to send to, or why not. */
    public sealed interface Parsed {
        record Mobile(PhoneNumber number) implements Parsed {
        }

        record Refused(Refusal refusal) implements Parsed {
        }
    }

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final Set<String> countries;

    /**
     * @param countries ISO 3166 region codes, e.g. {@code CN}
     * @throws IllegalArgumentException naming a code libphonenumber does not know
     */
    public MobileNumbers(Set<String> countries) {
        if (countries.isEmpty()) {
            throw new IllegalArgumentException("at least one country is needed");
        }
        for (String country : countries) {
            if (!util.getSupportedRegions().contains(country)) {
                throw new IllegalArgumentException("'" + country + "' is not a country code with a numbering plan (e.g. CN, MN, RU)");
            }
        }
        this.countries = Set.copyOf(countries);
    }

    /** The configured countries, in order. */
    public Set<String> countries() {
        return new TreeSet<>(countries);
    }

    /** The configured countries' names in {@code language}, for the message that lists them. */
    public String countryNames(String language) {
        Locale locale = Locale.forLanguageTag(language);
        return String.join(", ", countries().stream().map(c -> new Locale.Builder().setRegion(c).build().getDisplayCountry(locale)).toList());
    }

    /**
     * Where a number typed without its country code is first read: the country of the page's language (Chinese,
     * Mongolian, Russian) when its numbers get codes, else the city's own, China, else the first configured. A
     * Mongolian visitor types {@code 99112233} as at home; the Chinese page reads {@code 13800138000} as Chinese.
     */
    public String regionFor(String language) {
        String region = LANGUAGE_REGIONS.getOrDefault(language, "");
        return countries.contains(region) ? region : countries.contains("CN") ? "CN" : countries().iterator().next();
    }

    /** The number as typed, read first in {@code region} (see {@link #regionFor}) when it has no {@code +}. */
    public Parsed parse(String typed, String region) {
        String digits = digits(typed == null ? "" : typed.strip());
        if (!digits.startsWith("+") && digits.matches("\\d{4,17}") && countries.contains(region)) {
            List<Phonenumber.PhoneNumber> local = new ArrayList<>();
            read(digits, region, local);
            for (Phonenumber.PhoneNumber n : local) {
                if (util.isValidNumber(n) && region.equals(util.getRegionCodeForNumber(n)) && mobile(util.getNumberType(n))) {
                    return new Parsed.Mobile(new PhoneNumber(util.format(n, PhoneNumberFormat.E164)));
                }
            }
        }
        return parse(typed);
    }

    public Parsed parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() > LONGEST_TYPED) {
            return new Parsed.Refused(Refusal.INVALID);
        }
        String digits = digits(text);
        if (!digits.matches("\\+?\\d{4,17}")) {
            return new Parsed.Refused(Refusal.INVALID);
        }
        List<Phonenumber.PhoneNumber> readings = new ArrayList<>();
        if (digits.startsWith("+")) {
            read(digits, "ZZ", readings);
        } else {
            read("+" + digits, "ZZ", readings);
            countries().forEach(c -> read(digits, c, readings));
        }
        Set<String> mobiles = new TreeSet<>();
        boolean here = false;
        boolean elsewhere = false;
        for (Phonenumber.PhoneNumber n : readings) {
            if (!util.isValidNumber(n)) {
                continue;
            }
            boolean served = countries.contains(util.getRegionCodeForNumber(n));
            here |= served;
            elsewhere |= !served;
            if (served && mobile(util.getNumberType(n))) {
                mobiles.add(util.format(n, PhoneNumberFormat.E164));
            }
        }
        if (mobiles.size() == 1) {
            return new Parsed.Mobile(new PhoneNumber(mobiles.iterator().next()));
        }
        Refusal why = mobiles.size() > 1 ? Refusal.AMBIGUOUS : here ? Refusal.NOT_MOBILE : elsewhere ? Refusal.COUNTRY : Refusal.INVALID;
        return new Parsed.Refused(why);
    }

    /** The typed text without separators, an international {@code 00} written as {@code +}. */
    private static String digits(String text) {
        String digits = text.replaceAll("[\\s()\\-.]", "");
        return digits.startsWith("00") ? "+" + digits.substring(2) : digits;
    }

    /** A mobile, or a number the plan cannot tell from one (the country numbers both alike, as NANP does). */
    private static boolean mobile(PhoneNumberType type) {
        return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }

    private void read(String text, String region, List<Phonenumber.PhoneNumber> into) {
        try {
            into.add(util.parse(text, region));
        } catch (NumberParseException e) {
            // not a reading of it
        }
    }
}
