package io.steppe.ops.server;

import io.steppe.db.keys.KeyFile;
import io.steppe.ops.UserError;
import io.steppe.portal.sms.PhoneVault;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The master key that seals subscribers' phone numbers, kept in {@code $STEPPE_HOME/keys/phone.key}, apart
 * from the database: a stolen dump alone reveals no number. Made on first start, readable by the owner only.
 */
public final class PhoneKey {

    private PhoneKey() {
    }

    /** The vault that reads the numbers sealed under {@code home}'s key, made on first use like the server does. */
    public static PhoneVault vault(Path home, SecureRandom random) {
        return new PhoneVault(load(home, random), random);
    }

    /**
     * The vault of the key that exists already under {@code home}, for what reads numbers back: a key made now would
     * read none of them.
     *
     * @throws UserError when there is no key
     */
    public static PhoneVault existingVault(Path home) {
        Path file = KeyFile.directory(home).resolve("phone.key");
        if (!Files.exists(file)) {
            throw new UserError("no phone key in " + file.getParent() + ": numbers cannot be read without it");
        }
        return vault(home, new SecureRandom());
    }

    public static byte[] load(Path home, SecureRandom random) {
        try {
            return KeyFile.loadOrCreate(KeyFile.directory(home).resolve("phone.key"), 32, random);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
