package io.steppe.portal.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void onlyTheCountryCodeAndLastTwoDigitsAreEverShown() {
        PhoneNumber number = new PhoneNumber("+97699112233");
        assertEquals("+976******33", number.masked());
        assertEquals("+86*********78", new PhoneNumber("+8613812345678").masked());
        assertEquals("+7********67", new PhoneNumber("+79161234567").masked());
        assertFalse(number.toString().contains("991122"));
    }
}
