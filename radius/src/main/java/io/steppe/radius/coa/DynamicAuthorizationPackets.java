package io.steppe.radius.coa;

import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.Digests;
import io.steppe.radius.packet.PacketCode;
import io.steppe.radius.packet.ReplyEncoder;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.OptionalInt;

/**
 * Disconnect-Request and CoA-Request encoding and reply checking (RFC 5176 §2.3, §3.5): the Request
 * Authenticator is computed like an Accounting-Request's, the reply's Response Authenticator like an
 * Access-Accept's.
 */
final class DynamicAuthorizationPackets {

    static final int ACCT_SESSION_ID = 44;
    static final int ERROR_CAUSE = 101;

    private DynamicAuthorizationPackets() {
    }

    static byte[] request(PacketCode code, int identifier, List<byte[]> attributes, byte[] secret) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(code.code());
        out.write(identifier);
        out.write(0);
        out.write(0);
        out.writeBytes(new byte[16]);
        attributes.forEach(out::writeBytes);
        byte[] packet = out.toByteArray();
        packet[2] = (byte) (packet.length >>> 8);
        packet[3] = (byte) packet.length;
        MessageDigest md5 = Digests.md5();
        md5.update(packet);
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, packet, 4, 16);
        return packet;
    }

    /** Whether {@code reply} answers {@code request}: same identifier, valid Response Authenticator. */
    static boolean answers(byte[] reply, byte[] request, byte[] secret) {
        if (DatagramCheck.problem(reply, reply.length).isPresent() || reply[1] != request[1]) {
            return false;
        }
        int length = DatagramCheck.packetLength(reply);
        MessageDigest md5 = Digests.md5();
        md5.update(reply, 0, 4);
        md5.update(request, 4, 16);
        md5.update(reply, 20, length - 20);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), java.util.Arrays.copyOfRange(reply, 4, 20));
    }

    static OptionalInt errorCause(byte[] reply) {
        int offset = DatagramCheck.findAttribute(reply, ERROR_CAUSE);
        if (offset < 0 || (reply[offset + 1] & 0xff) != 6) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(((reply[offset + 2] & 0xff) << 24) | ((reply[offset + 3] & 0xff) << 16)
                | ((reply[offset + 4] & 0xff) << 8) | (reply[offset + 5] & 0xff));
    }

    static byte[] text(int type, String value) {
        return ReplyEncoder.attribute(type, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static byte[] userName(String value) {
        return text(Attributes.USER_NAME, value);
    }
}
