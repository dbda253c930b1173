package io.steppe.ops.server;

import io.steppe.ops.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The master key that seals subscribers' phone numbers, kept in {@code $STEPPE_HOME/keys/phone.key}, apart
 * from the database: a stolen dump alone reveals no number. Made on first start, readable by the owner only.
 */
public final class PhoneKey {

    private PhoneKey() {
    }

    public static byte[] load(Path home, SecureRandom random) {
        Path file = home.resolve("keys").resolve("phone.key");
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length < 32) {
                    throw new UserError(file + " holds " + key.length + " octets; a phone key has 32");
                }
                return key;
            }
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.write(file, key);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UserError("cannot read or create the phone key " + file + ": " + e.getMessage(), e);
        }
    }
}
