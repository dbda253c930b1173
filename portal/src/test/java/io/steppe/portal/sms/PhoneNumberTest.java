package io.steppe.portal.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void mainlandNumbersMayOmitTheCountryCodeOthersNeedIt() {
        assertEquals("+8613812345678", PhoneNumber.parse("138 1234 5678").e164());
        assertEquals("+8613812345678", PhoneNumber.parse("+86 138-1234-5678").e164());
        assertEquals("+97699112233", PhoneNumber.parse("+976 9911 2233").e164());
        assertEquals("+79161234567", PhoneNumber.parse("007 916 123-45-67").e164());
        assertEquals("+4915112345678", PhoneNumber.parse("+49 151 12345678").e164());
    }

    @Test
    void numbersThatCannotBeMobilesAreRefused() {
        for (String bad : new String[] {"", "12345", "99112233", "+86 010 1234 5678", "+976 1234 5678", "+7 495 123 45 67",
                "+0123456789", "<script>", "+97699112233999999"}) {
            assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse(bad), bad);
        }
    }

    @Test
    void onlyTheCountryCodeAndLastTwoDigitsAreEverShown() {
        PhoneNumber number = PhoneNumber.parse("+97699112233");
        assertEquals("+976******33", number.masked());
        assertFalse(number.toString().contains("991122"));
    }
}
