package io.steppe.bench;

import io.steppe.radius.packet.AttributeWriter;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.MessageAuthenticator;
import io.steppe.radius.packet.PacketCode;
import io.steppe.radius.packet.ReplyEncoder;
import io.steppe.radius.packet.RequestAuthenticator;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny RADIUS peer on 127.0.0.1 for the generator's end-to-end tests: checks each request's Message-Authenticator
 * (Access-Request) or Request Authenticator (Accounting-Request) and answers the good ones with an Access-Accept or
 * Accounting-Response from Steppe's {@link ReplyEncoder}; a bad request is counted and left unanswered.
 */
public final class LoopbackResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final byte[] secret;
    private final Thread thread;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean open = true;

    public LoopbackResponder(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(100);
        socket.setReceiveBufferSize(1 << 20);
        this.thread = new Thread(this::serve, "loopback-responder");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public long answered() {
        return answered.get();
    }

    public long refused() {
        return refused.get();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (open) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
                byte[] request = Arrays.copyOf(buffer, datagram.getLength());
                byte[] reply = reply(request);
                if (reply == null) {
                    refused.incrementAndGet();
                    continue;
                }
                socket.send(new DatagramPacket(reply, reply.length, datagram.getSocketAddress()));
                answered.incrementAndGet();
            } catch (SocketTimeoutException e) {
                // look at the open flag again
            } catch (IOException e) {
                if (open) {
                    refused.incrementAndGet();
                }
            }
        }
    }

    private byte[] reply(byte[] request) {
        if (DatagramCheck.problem(request, request.length).isPresent()) {
            return null;
        }
        if (request[0] == PacketCode.ACCESS_REQUEST.code()) {
            int offset = DatagramCheck.findAttribute(request, Attributes.MESSAGE_AUTHENTICATOR);
            if (offset < 0 || !MessageAuthenticator.verify(request, offset, secret)) {
                return null;
            }
            return ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, request,
                    new AttributeWriter().messageAuthenticator().integer(Attributes.SESSION_TIMEOUT, 3600), secret);
        }
        if (request[0] == PacketCode.ACCOUNTING_REQUEST.code() && RequestAuthenticator.verify(request, secret)) {
            return ReplyEncoder.encode(PacketCode.ACCOUNTING_RESPONSE, request, new AttributeWriter(), secret);
        }
        return null;
    }

    @Override
    public void close() {
        open = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.close();
        }
    }
}
