package io.steppe.radius.coa;

import io.steppe.radius.packet.AttributeWriter;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.PacketCode;
import io.steppe.radius.packet.ReplyEncoder;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway's RFC 5176 listener, played by the test: it acknowledges, refuses, or stays silent. */
final class GatewaySimulator implements AutoCloseable {

    enum Mode { ACK, NAK_SESSION_NOT_FOUND, ACK_WITHOUT_PROXY_STATE, SILENT }

    private final DatagramSocket socket;
    private final Thread thread;
    final List<byte[]> received = new CopyOnWriteArrayList<>();
    volatile Mode mode;

    GatewaySimulator(String secret, Mode mode) throws SocketException {
        this.mode = mode;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(() -> serve(secret.getBytes(StandardCharsets.UTF_8)), "gateway-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(byte[] secret) {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                socket.receive(in);
                byte[] request = Arrays.copyOf(buffer, in.getLength());
                received.add(request);
                if (mode == Mode.SILENT) {
                    continue;
                }
                AttributeWriter attributes = new AttributeWriter();
                PacketCode code = PacketCode.DISCONNECT_ACK;
                if (mode == Mode.NAK_SESSION_NOT_FOUND) {
                    code = PacketCode.DISCONNECT_NAK;
                    attributes.integer(Attributes.ERROR_CAUSE, 503);
                }
                if (mode != Mode.ACK_WITHOUT_PROXY_STATE) {
                    attributes.proxyStates(request);
                }
                byte[] reply = ReplyEncoder.encode(code, request, attributes, secret);
                socket.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
