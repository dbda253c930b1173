package io.steppe.ops.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A sealed backup opens only whole, unaltered and with its passphrase. */
class SealedInputStreamTest {

    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    static byte[] seal(byte[] plain) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (SealedOutputStream out = new SealedOutputStream(file, PASSPHRASE, new SecureRandom())) {
            out.write(plain);
        }
        return file.toByteArray();
    }

    static byte[] open(byte[] file, char[] passphrase) throws IOException {
        try (InputStream in = new SealedInputStream(new ByteArrayInputStream(file), passphrase)) {
            return in.readAllBytes();
        }
    }

    @Test
    void whatIsSealedOpensAsItWasWhateverItsLength() throws IOException {
        byte[] plain = new byte[3 * SealedFormat.CHUNK_OCTETS + 123];
        new Random(7).nextBytes(plain);
        byte[] file = seal(plain);
        assertArrayEquals(plain, open(file, PASSPHRASE));
        assertArrayEquals(new byte[0], open(seal(new byte[0]), PASSPHRASE));
        byte[] whole = Arrays.copyOf(plain, 2 * SealedFormat.CHUNK_OCTETS);
        assertArrayEquals(whole, open(seal(whole), PASSPHRASE));
        assertEquals(-1, Arrays.mismatch(SealedFormat.MAGIC, Arrays.copyOf(file, 8)), "starts with its magic");
    }

    @Test
    void aWrongPassphraseIsNamed() throws IOException {
        byte[] file = seal(new byte[100]);
        assertEquals("wrong passphrase for this backup",
                assertThrows(BackupUnreadable.class, () -> open(file, "not the passphrase".toCharArray())).getMessage());
    }

    @Test
    void aFileCutShortAtAChunkBoundaryIsRefused() throws IOException {
        byte[] file = seal(new byte[2 * SealedFormat.CHUNK_OCTETS + 10]);
        byte[] firstChunkOnly = Arrays.copyOf(file, SealedFormat.HEADER_OCTETS + 4 + SealedFormat.CHUNK_OCTETS + SealedFormat.TAG_OCTETS);
        assertEquals("the backup file is cut off after 1 chunks",
                assertThrows(BackupUnreadable.class, () -> open(firstChunkOnly, PASSPHRASE)).getMessage());
    }

    @Test
    void anAlteredOctetOrAnAddedTailIsRefused() throws IOException {
        byte[] file = seal(new byte[SealedFormat.CHUNK_OCTETS + 10]);
        byte[] altered = file.clone();
        altered[altered.length - 5] ^= 0x40;
        assertEquals("the backup file is damaged or was altered (chunk 1 fails its check)",
                assertThrows(BackupUnreadable.class, () -> open(altered, PASSPHRASE)).getMessage());
        byte[] longer = Arrays.copyOf(file, file.length + 1);
        assertThrows(BackupUnreadable.class, () -> open(longer, PASSPHRASE));
        assertEquals("not a Steppe backup", assertThrows(BackupUnreadable.class,
                () -> open("PK not a backup, just a zip file that is long enough to have a header of seventy".getBytes(), PASSPHRASE)).getMessage());
    }
}
