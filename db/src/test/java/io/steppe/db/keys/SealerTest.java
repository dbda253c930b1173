package io.steppe.db.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {

    private final SecureRandom random = new SecureRandom();
    private final byte[] master = new byte[32];

    @TempDir
    Path home;

    @Test
    void sealedValueReadsBackButShowsNothingOfItself() {
        Sealer gateways = new Sealer(master, "steppe gateway", random);
        byte[] sealed = gateways.seal("radius-shared-secret");
        assertEquals("radius-shared-secret", gateways.open(sealed));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("secret"));
        assertFalse(Arrays.equals(sealed, gateways.seal("radius-shared-secret")), "a fresh IV each time");
    }

    @Test
    void anotherKindOrKeyCannotOpenIt() {
        byte[] sealed = new Sealer(master, "steppe gateway", random).seal("s3cret");
        assertThrows(IllegalArgumentException.class, () -> new Sealer(master, "steppe voucher", random).open(sealed));
        byte[] otherMaster = master.clone();
        otherMaster[0] = 1;
        assertThrows(IllegalArgumentException.class, () -> new Sealer(otherMaster, "steppe gateway", random).open(sealed));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> new Sealer(master, "steppe gateway", random).open(sealed),
                "an altered value is refused, not read as something else");
    }

    @Test
    void fingerprintsFindAValueAgainPerKind() {
        Sealer vouchers = new Sealer(master, "steppe voucher", random);
        assertArrayEquals(vouchers.fingerprint("QFX4KTNWA7"), new Sealer(master, "steppe voucher", random).fingerprint("QFX4KTNWA7"));
        assertFalse(Arrays.equals(vouchers.fingerprint("QFX4KTNWA7"), vouchers.fingerprint("QFX4KTNWA8")));
        assertFalse(Arrays.equals(vouchers.fingerprint("QFX4KTNWA7"), new Sealer(master, "steppe phone", random).fingerprint("QFX4KTNWA7")));
        assertEquals("Sealer[keys hidden]", vouchers.toString());
    }

    @Test
    void keyFileIsMadeOnceOwnerOnlyAndKept() throws Exception {
        Path file = KeyFile.directory(home).resolve("secrets.key");
        byte[] first = KeyFile.loadOrCreate(file, 32, random);
        assertArrayEquals(first, KeyFile.loadOrCreate(file, 32, random));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.write(file, new byte[8]);
        assertThrows(IllegalStateException.class, () -> KeyFile.loadOrCreate(file, 32, random), "a truncated key is not used");
    }
}
