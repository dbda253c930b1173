package io.steppe.ops.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals what is written to it with a passphrase, in chunks of {@link SealedFormat#CHUNK_OCTETS}, so a backup of any
 * size passes through a fixed amount of memory. {@link #close()} writes the last chunk; a stream not closed leaves a
 * file that the reader refuses as cut off.
 */
final class SealedOutputStream extends OutputStream {

    private final DataOutputStream out;
    private final SealedFormat.Keyed keyed;
    private final byte[] buffer = new byte[SealedFormat.CHUNK_OCTETS];
    private int buffered;
    private int chunk;
    private boolean closed;

    SealedOutputStream(OutputStream out, char[] passphrase, SecureRandom random) throws IOException {
        this.out = new DataOutputStream(out);
        this.keyed = SealedFormat.fresh(random).derive(passphrase);
        this.out.write(keyed.header().encode());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (buffered == buffer.length) {
                seal(false);
            }
            int n = Math.min(len, buffer.length - buffered);
            System.arraycopy(b, off, buffer, buffered, n);
            buffered += n;
            off += n;
            len -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyed.key(), new GCMParameterSpec(SealedFormat.TAG_OCTETS * 8, keyed.header().nonce(chunk)));
            cipher.updateAAD(keyed.header().associatedData(last));
            byte[] sealed = cipher.doFinal(buffer, 0, buffered);
            out.writeInt(sealed.length | (last ? SealedFormat.LAST_CHUNK : 0));
            out.write(sealed);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot seal the backup: " + e.getMessage(), e);
        }
        chunk++;
        buffered = 0;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            seal(true);
            out.close();
        }
    }
}
