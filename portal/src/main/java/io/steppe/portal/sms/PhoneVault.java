package io.steppe.portal.sms;

import io.steppe.db.keys.Sealer;
import java.security.SecureRandom;

/**
 * Keeps phone numbers, the real-name identity the law requires, so that the database alone reveals none:
 * an HMAC to recognise a number, AES-GCM to read it back in an admin export. Both keys come from one master
 * key kept outside the database ({@code $STEPPE_HOME/keys/phone.key}).
 */
public final class PhoneVault {

    private final Sealer sealer;

    public PhoneVault(byte[] masterKey, SecureRandom random) {
        this.sealer = new Sealer(masterKey, "steppe phone", random);
    }

    /** What finds a number again; the same number gives the same value. */
    public byte[] fingerprint(String value) {
        return sealer.fingerprint(value);
    }

    public byte[] encrypt(PhoneNumber number) {
        return sealer.seal(number.e164());
    }

    /** For the admin export only. */
    public PhoneNumber decrypt(byte[] stored) {
        return new PhoneNumber(sealer.open(stored));
    }
}
