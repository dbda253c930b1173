package io.steppe.radius.e2e;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-made RADIUS packets and a bare UDP socket, for what radclient cannot be made to do. */
final class TestPackets implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final DatagramSocket socket;

    private final InetAddress server;

    TestPackets() throws Exception {
        this(InetAddress.getLoopbackAddress());
    }

    /** Sends from and to {@code loopback}: 127.0.0.1 or ::1. */
    TestPackets(InetAddress loopback) throws Exception {
        this(loopback, loopback);
    }

    /** Sends from {@code source} (another loopback address, a second gateway) to {@code server}. */
    TestPackets(InetAddress source, InetAddress server) throws Exception {
        this.server = server;
        socket = new DatagramSocket(new InetSocketAddress(source, 0));
        socket.setSoTimeout(1500);
    }

    /** An Access-Request with a hidden User-Password (RFC 2865 §5.2), and Message-Authenticator if asked. */
    static byte[] accessRequest(int id, String user, String password, String secret, boolean messageAuthenticator, byte[]... extra) {
        return accessRequest(id, user.getBytes(StandardCharsets.UTF_8), password, secret, messageAuthenticator, extra);
    }

    /** As above, with User-Name as raw octets (not necessarily text). */
    static byte[] accessRequest(int id, byte[] user, String password, String secret, boolean messageAuthenticator, byte[]... extra) {
        byte[] authenticator = new byte[16];
        RANDOM.nextBytes(authenticator);
        ByteArrayOutputStream attrs = new ByteArrayOutputStream();
        if (messageAuthenticator) {
            attrs.writeBytes(new byte[] {80, 18});
            attrs.writeBytes(new byte[16]);
        }
        attrs.writeBytes(attribute(1, user));
        attrs.writeBytes(attribute(2, hide(password, secret, authenticator)));
        for (byte[] e : extra) {
            attrs.writeBytes(e);
        }
        return packet(1, id, authenticator, attrs.toByteArray(), secret, messageAuthenticator);
    }

    /** Status-Server (RFC 5997) with its required Message-Authenticator. */
    static byte[] statusServer(int id, String secret) {
        byte[] authenticator = new byte[16];
        RANDOM.nextBytes(authenticator);
        byte[] attrs = new byte[18];
        attrs[0] = 80;
        attrs[1] = 18;
        return packet(12, id, authenticator, attrs, secret, true);
    }

    /** An Accounting-Request with the Request Authenticator of RFC 2866 §3. */
    static byte[] accountingRequest(int id, String secret, byte[]... attributes) {
        ByteArrayOutputStream attrs = new ByteArrayOutputStream();
        for (byte[] a : attributes) {
            attrs.writeBytes(a);
        }
        byte[] p = packet(4, id, new byte[16], attrs.toByteArray(), secret, false);
        System.arraycopy(md5(p, secret.getBytes(StandardCharsets.UTF_8)), 0, p, 4, 16);
        return p;
    }

    static byte[] integer(int type, long value) {
        return attribute(type, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    static byte[] attribute(int type, byte[] value) {
        byte[] a = new byte[value.length + 2];
        a[0] = (byte) type;
        a[1] = (byte) a.length;
        System.arraycopy(value, 0, a, 2, value.length);
        return a;
    }

    private static byte[] packet(int code, int id, byte[] authenticator, byte[] attrs, String secret, boolean messageAuthenticator) {
        byte[] p = new byte[20 + attrs.length];
        p[0] = (byte) code;
        p[1] = (byte) id;
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        System.arraycopy(authenticator, 0, p, 4, 16);
        System.arraycopy(attrs, 0, p, 20, attrs.length);
        if (messageAuthenticator) {
            int offset = 20;
            while ((p[offset] & 0xff) != 80) {
                offset += p[offset + 1] & 0xff;
            }
            System.arraycopy(hmac(secret, p), 0, p, offset + 2, 16);
        }
        return p;
    }

    private static byte[] hide(String password, String secret, byte[] authenticator) {
        byte[] plain = password.getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(plain, Math.max(16, (plain.length + 15) / 16 * 16));
        byte[] out = new byte[padded.length];
        byte[] previous = authenticator;
        for (int i = 0; i < padded.length; i += 16) {
            byte[] b = md5(secret.getBytes(StandardCharsets.UTF_8), previous);
            for (int j = 0; j < 16; j++) {
                out[i + j] = (byte) (padded[i + j] ^ b[j]);
            }
            previous = Arrays.copyOfRange(out, i, i + 16);
        }
        return out;
    }

    private static byte[] md5(byte[] a, byte[] b) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(a);
            md5.update(b);
            return md5.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String secret, byte[] packet) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            return mac.doFinal(packet);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void send(int port, byte[] packet) throws Exception {
        socket.send(new DatagramPacket(packet, packet.length, server, port));
    }

    /** The next reply, or empty after the socket's timeout. */
    Optional<byte[]> receive() throws Exception {
        byte[] buffer = new byte[4096];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(reply);
            return Optional.of(Arrays.copyOf(buffer, reply.getLength()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    /** Sends and waits for the reply. */
    Optional<byte[]> exchange(int port, byte[] packet) throws Exception {
        send(port, packet);
        return receive();
    }

    @Override
    public void close() {
        socket.close();
    }
}
