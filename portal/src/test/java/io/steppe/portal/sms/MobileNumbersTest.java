package io.steppe.portal.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MobileNumbersTest {

    final MobileNumbers numbers = new MobileNumbers(MobileNumbers.DEFAULT_COUNTRIES);

    String accepted(String typed) {
        MobileNumbers.Parsed parsed = numbers.parse(typed);
        assertTrue(parsed instanceof MobileNumbers.Parsed.Mobile, typed + ": " + parsed);
        return ((MobileNumbers.Parsed.Mobile) parsed).number().e164();
    }

    MobileNumbers.Refusal refused(MobileNumbers numbers, String typed) {
        MobileNumbers.Parsed parsed = numbers.parse(typed);
        assertTrue(parsed instanceof MobileNumbers.Parsed.Refused, typed + " was accepted: " + parsed);
        return ((MobileNumbers.Parsed.Refused) parsed).refusal();
    }

    @Test
    void mobilesOfTheConfiguredCountriesAreAcceptedWithOrWithoutPlusWhereUnambiguous() {
        assertEquals("+8613812345678", accepted("138 1234 5678"));
        assertEquals("+8613812345678", accepted("+86 138-1234-5678"));
        assertEquals("+8613812345678", accepted("8613812345678"));
        assertEquals("+97699112233", accepted("+976 9911 2233"));
        assertEquals("+97699112233", accepted("97699112233"), "Mongolia's code typed without +");
        assertEquals("+97699112233", accepted("9911 2233"), "a Mongolian mobile typed as at home");
        assertEquals("+79161234567", accepted("007 916 123-45-67"));
        assertEquals("+79161234567", accepted("8 916 123 45 67"), "Russia's trunk prefix");
        assertEquals("+79161234567", accepted("79161234567"));
    }

    String acceptedIn(String language, String typed) {
        MobileNumbers.Parsed parsed = numbers.parse(typed, numbers.regionFor(language));
        assertTrue(parsed instanceof MobileNumbers.Parsed.Mobile, language + " " + typed + ": " + parsed);
        return ((MobileNumbers.Parsed.Mobile) parsed).number().e164();
    }

    @Test
    void aNumberWithoutPlusIsReadFirstInTheCountryOfThePagesLanguage() {
        assertEquals("CN", numbers.regionFor("zh"));
        assertEquals("MN", numbers.regionFor("mn"));
        assertEquals("RU", numbers.regionFor("ru"));
        assertEquals("CN", numbers.regionFor("en"), "the city's own country");
        assertEquals("MN", new MobileNumbers(Set.of("MN", "RU")).regionFor("en"), "else the first configured");
        assertEquals("RU", new MobileNumbers(Set.of("MN", "RU")).regionFor("ru"));
        assertEquals("MN", new MobileNumbers(Set.of("MN", "RU")).regionFor("zh"), "China not served: the first configured");
        assertEquals("+8613800138000", acceptedIn("zh", "13800138000"));
        assertEquals("+97699112233", acceptedIn("mn", "99112233"));
        assertEquals("+97699112233", acceptedIn("mn", "976 9911 2233"));
        assertEquals("+79161234567", acceptedIn("ru", "916 123 45 67"));
        assertEquals("+8613800138000", acceptedIn("en", "13800138000"));
        assertEquals("+8613800138000", acceptedIn("mn", "13800138000"), "not a number of the page's country: read as before");
        assertEquals("+97699112233", acceptedIn("zh", "+976 9911 2233"), "a number with + is read as typed on any page");
    }

    /** Toll fraud: each of these got a code on main. */
    @Test
    void premiumSatelliteSharedCostAndUnassignedNumbersGetNoCode() {
        assertEquals(MobileNumbers.Refusal.COUNTRY, refused(numbers, "+881 6 1234 5678"), "Iridium, satellite");
        assertEquals(MobileNumbers.Refusal.COUNTRY, refused(numbers, "+1 900 555 1234"), "US premium rate");
        assertEquals(MobileNumbers.Refusal.INVALID, refused(numbers, "+999 1234 5678"), "unassigned country code");
        assertEquals(MobileNumbers.Refusal.COUNTRY, refused(numbers, "+269 321 2345"), "Comoros, not configured");
        assertEquals(MobileNumbers.Refusal.COUNTRY, refused(numbers, "+49 151 12345678"), "Germany, not configured");
        MobileNumbers withUs = new MobileNumbers(Set.of("CN", "US", "RU"));
        assertEquals(MobileNumbers.Refusal.NOT_MOBILE, refused(withUs, "+1 900 555 1234"), "premium rate even where configured");
        assertEquals(MobileNumbers.Refusal.NOT_MOBILE, refused(numbers, "+7 800 555 3535"), "Russian toll-free");
        assertEquals(MobileNumbers.Refusal.NOT_MOBILE, refused(numbers, "+7 495 123 45 67"), "a Moscow landline");
        assertEquals(MobileNumbers.Refusal.NOT_MOBILE, refused(numbers, "+86 10 1234 5678"), "a Beijing landline");
        for (String bad : new String[] {"", "12345", "<script>", "+0123456789", "+97699112233999999", "9".repeat(40)}) {
            assertEquals(MobileNumbers.Refusal.INVALID, refused(numbers, bad), bad);
        }
    }

    @Test
    void onlyTheConfiguredCountriesAreServed() {
        assertEquals(MobileNumbers.Refusal.COUNTRY, refused(new MobileNumbers(Set.of("CN")), "+97699112233"));
        assertEquals(MobileNumbers.Refusal.COUNTRY, refused(numbers, "+7 701 234 5678"), "Kazakhstan shares +7 but is not configured");
        assertTrue(new MobileNumbers(Set.of("RU", "KZ")).parse("+77012345678") instanceof MobileNumbers.Parsed.Mobile);
    }

    @Test
    void anUnknownCountryCodeInTheConfigurationIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MobileNumbers(Set.of("CN", "XX"))).getMessage().contains("'XX'"));
    }
}
