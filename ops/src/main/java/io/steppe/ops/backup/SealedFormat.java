package io.steppe.ops.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The header of a sealed backup file and the key its passphrase gives. A file is:
 *
 * <pre>
 * offset  octets  field
 *  0       8      magic "STEPPEBK"
 *  8       1      format version, 1
 *  9       1      key derivation: 1 = PBKDF2-HMAC-SHA256
 * 10       4      iterations, big-endian
 * 14      16      salt
 * 30      32      passphrase check: octets 32..63 of the PBKDF2 output (0..31 are the AES-256 key)
 * 62       8      nonce prefix
 * 70      ...     chunks, each a 4-octet big-endian length of what follows (top bit set on the last chunk), then
 *                 AES-256-GCM of at most 64 KiB of the archive: nonce = prefix || chunk number (4 octets, from 0),
 *                 associated data = the 70 header octets || 1 on the last chunk, 0 otherwise; 16-octet tag
 * </pre>
 *
 * A wrong passphrase fails the check before any chunk is read; a changed octet fails its chunk's tag; chunks
 * cut off, reordered or taken from another file fail too, because the last-chunk flag, the chunk number and
 * the whole header are authenticated with each one.
 */
record SealedFormat(int iterations, byte[] salt, byte[] check, byte[] noncePrefix) {

    static final byte[] MAGIC = "STEPPEBK".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int KDF_PBKDF2_SHA256 = 1;
    /** OWASP's figure for PBKDF2-HMAC-SHA256; the passphrase is tried once per backup or restore. */
    static final int ITERATIONS = 600_000;
    /** Above this a header is not ours: a crafted one would make the reader spin for hours. */
    private static final int MOST_ITERATIONS = 10_000_000;
    static final int HEADER_OCTETS = 70;
    static final int CHUNK_OCTETS = 64 * 1024;
    static final int TAG_OCTETS = 16;
    static final int LAST_CHUNK = 0x8000_0000;

    /** A header for a new file: fresh salt and nonce prefix; the check is filled in by {@link #derive}. */
    static SealedFormat fresh(SecureRandom random) {
        byte[] salt = new byte[16];
        byte[] prefix = new byte[8];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        return new SealedFormat(ITERATIONS, salt, new byte[32], prefix);
    }

    /** The AES key of {@code passphrase}, and this header with its check filled in. */
    Keyed derive(char[] passphrase) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 512);
            byte[] octets = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            SealedFormat header = new SealedFormat(iterations, salt, Arrays.copyOfRange(octets, 32, 64), noncePrefix);
            SecretKeySpec key = new SecretKeySpec(Arrays.copyOfRange(octets, 0, 32), "AES");
            Arrays.fill(octets, (byte) 0);
            return new Keyed(header, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no PBKDF2WithHmacSHA256", e);
        }
    }

    /** Whether {@code derived} (this header as {@link #derive} made it from a passphrase) has this file's check. */
    boolean accepts(SealedFormat derived) {
        return MessageDigest.isEqual(check, derived.check);
    }

    byte[] encode() {
        return ByteBuffer.allocate(HEADER_OCTETS).put(MAGIC).put((byte) VERSION).put((byte) KDF_PBKDF2_SHA256)
                .putInt(iterations).put(salt).put(check).put(noncePrefix).array();
    }

    static SealedFormat read(InputStream in) throws IOException {
        byte[] header = new byte[HEADER_OCTETS];
        try {
            new DataInputStream(in).readFully(header);
        } catch (EOFException e) {
            throw new BackupUnreadable("not a Steppe backup (too short)");
        }
        ByteBuffer b = ByteBuffer.wrap(header);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new BackupUnreadable("not a Steppe backup");
        }
        int version = b.get();
        int kdf = b.get();
        if (version != VERSION || kdf != KDF_PBKDF2_SHA256) {
            throw new BackupUnreadable("a Steppe backup of format " + version + "/" + kdf + ", which this version cannot read");
        }
        int iterations = b.getInt();
        if (iterations < 1 || iterations > MOST_ITERATIONS) {
            throw new BackupUnreadable("the backup's header is damaged (iterations " + iterations + ")");
        }
        byte[] salt = new byte[16];
        byte[] check = new byte[32];
        byte[] prefix = new byte[8];
        b.get(salt).get(check).get(prefix);
        return new SealedFormat(iterations, salt, check, prefix);
    }

    /** The 12-octet GCM nonce of chunk {@code index}. */
    byte[] nonce(int index) {
        return ByteBuffer.allocate(12).put(noncePrefix).putInt(index).array();
    }

    /** What chunk {@code index} authenticates besides its contents. */
    byte[] associatedData(boolean last) {
        byte[] header = encode();
        byte[] aad = Arrays.copyOf(header, header.length + 1);
        aad[header.length] = (byte) (last ? 1 : 0);
        return aad;
    }

    /** A header with the key its passphrase gives. */
    record Keyed(SealedFormat header, SecretKeySpec key) {
        @Override
        public String toString() {
            return "Keyed[key=***]";
        }
    }
}
