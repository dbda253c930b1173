package io.steppe.db.keys;

import java.security.SecureRandom;
import java.util.Arrays;

/** The keys tests seal with: the same in every test, so a fixture and the server it feeds agree. */
public final class TestKeys {

    private TestKeys() {
    }

    public static SecretKeys fixed() {
        byte[] master = new byte[32];
        Arrays.fill(master, (byte) 7);
        return new SecretKeys(master, new SecureRandom());
    }
}
