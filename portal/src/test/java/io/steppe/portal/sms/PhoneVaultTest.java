package io.steppe.portal.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PhoneVaultTest {

    final SecureRandom random = new SecureRandom();

    @Test
    void numbersAreSealedAndOnlyTheKeyOpensThem() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        PhoneVault vault = new PhoneVault(key, random);
        PhoneNumber number = new PhoneNumber("+97699112233");
        byte[] sealed = vault.encrypt(number);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("99112233"), "not stored in clear");
        assertEquals(number, vault.decrypt(sealed));
        assertArrayEquals(vault.fingerprint(number.e164()), vault.fingerprint(number.e164()), "a returning number is found again");
        byte[] other = new byte[32];
        random.nextBytes(other);
        assertThrows(IllegalArgumentException.class, () -> new PhoneVault(other, random).decrypt(sealed));
    }
}
