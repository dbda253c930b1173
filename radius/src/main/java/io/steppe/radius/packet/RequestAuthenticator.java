package io.steppe.radius.packet;

import java.security.MessageDigest;

/**
 * The Request Authenticator of Accounting-Request (RFC 2866 §3) and of CoA/Disconnect (RFC 5176 §2.3):
 * MD5(Code + Identifier + Length + 16 zero octets + Attributes + Secret). A wrong one means a wrong secret
 * or a forged packet.
 */
public final class RequestAuthenticator {

    private static final byte[] ZEROS = new byte[16];

    private RequestAuthenticator() {
    }

    public static boolean verify(byte[] packet, byte[] secret) {
        int length = DatagramCheck.packetLength(packet);
        MessageDigest md5 = Digests.md5();
        md5.update(packet, 0, 4);
        md5.update(ZEROS);
        md5.update(packet, DatagramCheck.HEADER_LENGTH, length - DatagramCheck.HEADER_LENGTH);
        md5.update(secret);
        byte[] expected = md5.digest();
        int difference = 0;
        for (int i = 0; i < 16; i++) {
            difference |= expected[i] ^ packet[4 + i];
        }
        return difference == 0;
    }
}
