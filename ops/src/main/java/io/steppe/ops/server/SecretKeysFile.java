package io.steppe.ops.server;

import io.steppe.db.keys.SecretKeys;
import io.steppe.ops.UserError;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Loads the keys that seal the database's secrets from {@code $STEPPE_HOME/keys}, as a user-facing error when it cannot. */
public final class SecretKeysFile {

    private SecretKeysFile() {
    }

    public static SecretKeys load(Path home) {
        try {
            return SecretKeys.load(home, new SecureRandom());
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
