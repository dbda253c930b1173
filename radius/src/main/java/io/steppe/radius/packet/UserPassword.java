package io.steppe.radius.packet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** User-Password as RFC 2865 §5.2 hides it: XOR with MD5(secret + previous block), the first with the Request Authenticator. */
public final class UserPassword {

    private static final int BLOCK = 16;
    private static final int MAX_LENGTH = 128;

    private UserPassword() {
    }

    /**
     * The password in clear, without the NUL padding.
     *
     * @throws IllegalArgumentException when the value is not 16 to 128 octets in whole blocks
     */
    public static String reveal(byte[] packet, int valueOffset, int valueLength, byte[] secret, byte[] requestAuthenticator) {
        if (valueLength == 0 || valueLength % BLOCK != 0 || valueLength > MAX_LENGTH) {
            throw new IllegalArgumentException("User-Password of " + valueLength + " octets is not 16 to 128 in blocks of 16");
        }
        byte[] clear = new byte[valueLength];
        MessageDigest md5 = Digests.md5();
        for (int block = 0; block < valueLength; block += BLOCK) {
            md5.update(secret);
            if (block == 0) {
                md5.update(requestAuthenticator);
            } else {
                md5.update(packet, valueOffset + block - BLOCK, BLOCK);
            }
            byte[] b = md5.digest();
            for (int i = 0; i < BLOCK; i++) {
                clear[block + i] = (byte) (packet[valueOffset + block + i] ^ b[i]);
            }
        }
        int end = valueLength;
        while (end > 0 && clear[end - 1] == 0) {
            end--;
        }
        return new String(clear, 0, end, StandardCharsets.UTF_8);
    }
}
