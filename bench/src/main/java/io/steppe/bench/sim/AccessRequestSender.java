package io.steppe.bench.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The RADIUS side of a simulated gateway: one Access-Request (PAP or CHAP, with Message-Authenticator), one answer. */
public final class AccessRequestSender {

    private final InetSocketAddress server;
    private final java.net.InetAddress source;
    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    public AccessRequestSender(InetSocketAddress server, String secret) {
        this(server, server.getAddress(), secret);
    }

    /** @param source the address to send from: the gateway's, which the server knows it by */
    public AccessRequestSender(InetSocketAddress server, java.net.InetAddress source, String secret) {
        this.server = server;
        this.source = source;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The reply's code (2 Accept, 3 Reject), or empty when none came. */
    public Optional<Integer> pap(String user, byte[] password, String clientMac) {
        byte[] authenticator = new byte[16];
        random.nextBytes(authenticator);
        return send(authenticator, user, clientMac, attribute(2, hide(password, authenticator)));
    }

    /** CHAP as CoovaChilli sends it: ident 0, the portal's response, CHAP-Challenge the UAM key. */
    public Optional<Integer> chap(String user, byte[] response, byte[] challenge, String clientMac) {
        byte[] authenticator = new byte[16];
        random.nextBytes(authenticator);
        byte[] chapPassword = new byte[17];
        System.arraycopy(response, 0, chapPassword, 1, 16);
        return send(authenticator, user, clientMac, attribute(3, chapPassword), attribute(60, challenge));
    }

    /** One Accounting-Request (RFC 2866); the reply's code (5) or empty. */
    public Optional<Integer> accounting(int statusType, String sessionId, String user, String clientMac, byte[] framedIp, long seconds,
                                 long octetsIn, long octetsOut) {
        ByteArrayOutputStream attrs = new ByteArrayOutputStream();
        attrs.writeBytes(integer(40, statusType));
        attrs.writeBytes(attribute(44, sessionId.getBytes(StandardCharsets.US_ASCII)));
        attrs.writeBytes(attribute(1, user.getBytes(StandardCharsets.UTF_8)));
        attrs.writeBytes(attribute(31, clientMac.getBytes(StandardCharsets.US_ASCII)));
        attrs.writeBytes(attribute(30, "02-00-5E-10-00-01:Ulanqab-Free".getBytes(StandardCharsets.US_ASCII)));
        attrs.writeBytes(attribute(8, framedIp));
        attrs.writeBytes(integer(46, seconds));
        attrs.writeBytes(integer(42, octetsIn));
        attrs.writeBytes(integer(43, octetsOut));
        byte[] body = attrs.toByteArray();
        byte[] packet = new byte[20 + body.length];
        packet[0] = 4;
        packet[1] = (byte) random.nextInt(256);
        packet[2] = (byte) (packet.length >> 8);
        packet[3] = (byte) packet.length;
        System.arraycopy(body, 0, packet, 20, body.length);
        MessageDigest md5 = md5();
        md5.update(packet);
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, packet, 4, 16);
        return exchange(packet);
    }

    private static byte[] integer(int type, long value) {
        return attribute(type, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    private Optional<Integer> send(byte[] authenticator, String user, String clientMac, byte[]... credential) {
        ByteArrayOutputStream attrs = new ByteArrayOutputStream();
        attrs.writeBytes(new byte[] {80, 18});
        attrs.writeBytes(new byte[16]);
        attrs.writeBytes(attribute(1, user.getBytes(StandardCharsets.UTF_8)));
        attrs.writeBytes(attribute(31, clientMac.getBytes(StandardCharsets.US_ASCII)));
        for (byte[] c : credential) {
            attrs.writeBytes(c);
        }
        byte[] body = attrs.toByteArray();
        byte[] packet = new byte[20 + body.length];
        packet[0] = 1;
        packet[1] = (byte) random.nextInt(256);
        packet[2] = (byte) (packet.length >> 8);
        packet[3] = (byte) packet.length;
        System.arraycopy(authenticator, 0, packet, 4, 16);
        System.arraycopy(body, 0, packet, 20, body.length);
        System.arraycopy(hmac(packet), 0, packet, 22, 16);
        return exchange(packet);
    }

    private Optional<Integer> exchange(byte[] packet) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(source, 0))) {
            socket.setSoTimeout(3000);
            for (int attempt = 0; attempt < 2; attempt++) {
                socket.send(new DatagramPacket(packet, packet.length, server));
                byte[] buffer = new byte[4096];
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                    return Optional.of(buffer[0] & 0xff);
                } catch (SocketTimeoutException e) {
                    // retransmit once, as a gateway would
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] hide(byte[] plain, byte[] authenticator) {
        byte[] padded = Arrays.copyOf(plain, Math.max(16, (plain.length + 15) / 16 * 16));
        byte[] out = new byte[padded.length];
        byte[] previous = authenticator;
        for (int i = 0; i < padded.length; i += 16) {
            MessageDigest md5 = md5();
            md5.update(secret);
            md5.update(previous);
            byte[] b = md5.digest();
            for (int j = 0; j < 16; j++) {
                out[i + j] = (byte) (padded[i + j] ^ b[j]);
            }
            previous = Arrays.copyOfRange(out, i, i + 16);
        }
        return out;
    }

    private byte[] hmac(byte[] packet) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret, "HmacMD5"));
            return mac.doFinal(packet);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] attribute(int type, byte[] value) {
        byte[] a = new byte[value.length + 2];
        a[0] = (byte) type;
        a[1] = (byte) a.length;
        System.arraycopy(value, 0, a, 2, value.length);
        return a;
    }
}
