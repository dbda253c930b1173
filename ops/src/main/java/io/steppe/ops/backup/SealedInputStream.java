package io.steppe.ops.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Opens what {@link SealedOutputStream} sealed, a chunk at a time. Nothing of a chunk is handed out before its tag
 * is verified, so a reader never acts on altered octets; it fails with {@link BackupUnreadable} instead.
 */
final class SealedInputStream extends InputStream {

    private final DataInputStream in;
    private final SealedFormat.Keyed keyed;
    private byte[] chunk = new byte[0];
    private int position;
    private int index;
    private boolean last;

    /** Reads the header and checks the passphrase against it. */
    SealedInputStream(InputStream in, char[] passphrase) throws IOException {
        this.in = new DataInputStream(in);
        SealedFormat header = SealedFormat.read(this.in);
        this.keyed = header.derive(passphrase);
        if (!header.accepts(keyed.header())) {
            throw new BackupUnreadable("wrong passphrase for this backup");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (position == chunk.length) {
            if (last) {
                return -1;
            }
            open();
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }

    private void open() throws IOException {
        int length;
        byte[] sealed;
        try {
            length = in.readInt();
            last = (length & SealedFormat.LAST_CHUNK) != 0;
            int octets = length & ~SealedFormat.LAST_CHUNK;
            if (octets < SealedFormat.TAG_OCTETS || octets > SealedFormat.CHUNK_OCTETS + SealedFormat.TAG_OCTETS) {
                throw new BackupUnreadable("the backup file is damaged (chunk " + index + " has a length of " + octets + ")");
            }
            sealed = new byte[octets];
            in.readFully(sealed);
        } catch (EOFException e) {
            throw new BackupUnreadable("the backup file is cut off after " + index + " chunks");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keyed.key(), new GCMParameterSpec(SealedFormat.TAG_OCTETS * 8, keyed.header().nonce(index)));
            cipher.updateAAD(keyed.header().associatedData(last));
            chunk = cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new BackupUnreadable("the backup file is damaged or was altered (chunk " + index + " fails its check)");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the backup: " + e.getMessage(), e);
        }
        position = 0;
        index++;
        if (last && in.read() >= 0) {
            throw new BackupUnreadable("the backup file is damaged or was altered (data after its last chunk)");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
