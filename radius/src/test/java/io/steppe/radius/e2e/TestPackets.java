package io.steppe.radius.e2e;

import io.steppe.radius.packet.AccessRequestEncoder;
import io.steppe.radius.packet.AccountingRequestEncoder;
import io.steppe.radius.packet.AttributeWriter;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.PacketCode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/** RADIUS packets made to order with Steppe's codec, and a bare UDP socket, for what radclient cannot be made to do. */
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
        AttributeWriter attributes = new AttributeWriter();
        if (messageAuthenticator) {
            attributes.messageAuthenticator();
        }
        attributes.octets(Attributes.USER_NAME, user).userPassword(password.getBytes(StandardCharsets.UTF_8));
        for (byte[] e : extra) {
            attributes.encoded(e);
        }
        new AccessRequestEncoder(secret(secret), RANDOM).encode(id, attributes);
        return attributes.toByteArray();
    }

    /** Status-Server (RFC 5997) with its required Message-Authenticator. */
    static byte[] statusServer(int id, String secret) {
        AttributeWriter attributes = new AttributeWriter().messageAuthenticator();
        new AccessRequestEncoder(secret(secret), RANDOM).encode(PacketCode.STATUS_SERVER, id, attributes);
        return attributes.toByteArray();
    }

    /** An Accounting-Request with the Request Authenticator of RFC 2866 §3. */
    static byte[] accountingRequest(int id, String secret, byte[]... attributes) {
        AttributeWriter writer = new AttributeWriter();
        for (byte[] a : attributes) {
            writer.encoded(a);
        }
        new AccountingRequestEncoder(secret(secret)).encode(id, writer);
        return writer.toByteArray();
    }

    static byte[] integer(int type, long value) {
        return new AttributeWriter().integer(type, value).attributes();
    }

    static byte[] attribute(int type, byte[] value) {
        return new AttributeWriter().octets(type, value).attributes();
    }

    private static byte[] secret(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
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
