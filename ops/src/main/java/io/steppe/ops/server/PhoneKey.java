package io.steppe.ops.server;

import io.steppe.db.keys.KeyFile;
import io.steppe.ops.UserError;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The master key that seals subscribers' phone numbers, kept in {@code $STEPPE_HOME/keys/phone.key}, apart
 * from the database: a stolen dump alone reveals no number. Made on first start, readable by the owner only.
 */
public final class PhoneKey {

    private PhoneKey() {
    }

    public static byte[] load(Path home, SecureRandom random) {
        try {
            return KeyFile.loadOrCreate(KeyFile.directory(home).resolve("phone.key"), 32, random);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
