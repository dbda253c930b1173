package io.steppe.ops.backup;

import java.io.IOException;

/** A backup file that cannot be opened: not a backup, a wrong passphrase, or damaged or altered since it was made. */
public final class BackupUnreadable extends IOException {

    private static final long serialVersionUID = 1L;

    public BackupUnreadable(String message) {
        super(message);
    }
}
