package io.steppe.radius.packet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * User-Password as RFC 2865 §5.2 hides it: the password, padded with NULs to whole blocks of 16, XORed with
 * MD5(secret + previous block), the first block with the Request Authenticator. Both ways work in place on the
 * packet, each MD5 written where its block goes, so that no array is made per block.
 */
public final class UserPassword {

    /** The longest value RFC 2865 §5.2 allows. */
    public static final int MAX_LENGTH = 128;

    private static final int BLOCK = 16;

    private UserPassword() {
    }

    /** Whether a User-Password value of {@code valueLength} octets can be revealed: 16 to 128, in blocks of 16. */
    public static boolean isWellFormed(int valueLength) {
        return valueLength > 0 && valueLength % BLOCK == 0 && valueLength <= MAX_LENGTH;
    }

    /** The octets the hidden form of a {@code passwordLength}-octet password takes. */
    static int hiddenLength(int passwordLength) {
        if (passwordLength > MAX_LENGTH) {
            throw new IllegalArgumentException("a password of " + passwordLength + " octets exceeds User-Password's 128");
        }
        return Math.max(BLOCK, (passwordLength + BLOCK - 1) / BLOCK * BLOCK);
    }

    /**
     * The password in clear, without the NUL padding, from a request whose Request Authenticator is in place.
     *
     * @throws IllegalArgumentException when the value is not {@link #isWellFormed}
     */
    public static String reveal(byte[] packet, int valueOffset, int valueLength, byte[] secret) {
        if (!isWellFormed(valueLength)) {
            throw new IllegalArgumentException("User-Password of " + valueLength + " octets is not 16 to 128 in blocks of 16");
        }
        byte[] clear = new byte[valueLength];
        MessageDigest md5 = Digests.md5();
        for (int block = 0; block < valueLength; block += BLOCK) {
            md5.update(secret);
            md5.update(packet, block == 0 ? 4 : valueOffset + block - BLOCK, BLOCK);
            Digests.digestInto(md5, clear, block);
            for (int i = 0; i < BLOCK; i++) {
                clear[block + i] ^= packet[valueOffset + block + i];
            }
        }
        int end = valueLength;
        while (end > 0 && clear[end - 1] == 0) {
            end--;
        }
        return new String(clear, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code password} hidden into the {@link #hiddenLength} octets at {@code valueOffset} of a request whose
     * Request Authenticator is in place.
     */
    static void hide(MessageDigest md5, byte[] secret, byte[] packet, int valueOffset, int valueLength, byte[] password) {
        for (int block = 0; block < valueLength; block += BLOCK) {
            md5.update(secret);
            md5.update(packet, block == 0 ? 4 : valueOffset + block - BLOCK, BLOCK);
            Digests.digestInto(md5, packet, valueOffset + block);
            for (int i = 0; i < BLOCK && block + i < password.length; i++) {
                packet[valueOffset + block + i] ^= password[block + i];
            }
        }
    }
}
