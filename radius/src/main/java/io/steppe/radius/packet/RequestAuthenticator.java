package io.steppe.radius.packet;

import java.security.MessageDigest;
import java.util.Arrays;

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
        return Digests.equal16(md5.digest(), 0, packet, 4);
    }

    /** Writes the Request Authenticator of {@code packet[0, length)} into its octets 4 to 19. */
    static void sign(MessageDigest md5, byte[] packet, int length, byte[] secret) {
        Arrays.fill(packet, 4, DatagramCheck.HEADER_LENGTH, (byte) 0);
        md5.update(packet, 0, length);
        md5.update(secret);
        Digests.digestInto(md5, packet, 4);
    }
}
