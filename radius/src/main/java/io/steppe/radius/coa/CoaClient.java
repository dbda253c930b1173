package io.steppe.radius.coa;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.steppe.radius.packet.AccountingRequestEncoder;
import io.steppe.radius.packet.AttributeWriter;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.Decoded;
import io.steppe.radius.packet.MessageAuthenticator;
import io.steppe.radius.packet.PacketCode;
import io.steppe.radius.packet.Reply;
import io.steppe.radius.packet.ReplyDecoder;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends Disconnect-Request and CoA-Request (RFC 5176) from one UDP socket, retransmitting the same packet
 * when no answer comes, and matches answers by gateway and identifier. Each request carries a Proxy-State of
 * its own; a gateway that echoes it must echo it unchanged, one that does not (some don't) is matched by
 * identifier and Response Authenticator alone. The timer is passed in so tests need not wait for real time.
 */
public final class CoaClient implements AutoCloseable {

    private record Key(InetSocketAddress gateway, int identifier) {
    }

    private final class Pending {
        final Key key;
        final byte[] packet;
        final byte[] secret;
        final byte[] proxyState;
        final CompletableFuture<CoaResult> result = new CompletableFuture<>();
        volatile int attempts;
        volatile Timeout timeout;

        Pending(Key key, byte[] packet, byte[] secret, byte[] proxyState) {
            this.key = key;
            this.packet = packet;
            this.secret = secret;
            this.proxyState = proxyState;
        }

        void transmit() {
            attempts++;
            // Armed before sending: an answer can arrive before writeAndFlush returns.
            timeout = timer.newTimeout(t -> expired(this), perAttempt.toMillis(), TimeUnit.MILLISECONDS);
            channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet), key.gateway()));
        }
    }

    private final EventLoopGroup group;
    private final Channel channel;
    private final Timer timer;
    private final Duration perAttempt;
    private final int maxAttempts;
    private final SecureRandom random = new SecureRandom();
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, AtomicInteger> nextIdentifier = new ConcurrentHashMap<>();
    /** Used on the channel's one event loop only. */
    private final ReplyDecoder replies = new ReplyDecoder();

    /**
     * @param perAttempt  how long to wait for an answer before sending again
     * @param maxAttempts how many times to send in all
     */
    public CoaClient(Timer timer, Duration perAttempt, int maxAttempts) {
        this.timer = timer;
        this.perAttempt = perAttempt;
        this.maxAttempts = maxAttempts;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("steppe-coa", true), NioIoHandler.newFactory());
        this.channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket reply) {
                        answered(reply.sender(), ByteBufUtil.getBytes(reply.content()));
                    }
                })
                .bind(new InetSocketAddress(0)).syncUninterruptibly().channel();
    }

    /**
     * Sends a request and completes with the gateway's answer, or {@link CoaResult.Outcome#TIMEOUT} once every
     * attempt went unanswered.
     *
     * @param attributes what identifies the session (and, for CoA, what changes); a Proxy-State is added to them
     */
    public CompletableFuture<CoaResult> send(InetSocketAddress gateway, String secret, PacketCode code, AttributeWriter attributes) {
        if (code != PacketCode.DISCONNECT_REQUEST && code != PacketCode.COA_REQUEST) {
            throw new IllegalArgumentException(code + " is not a Dynamic Authorization request");
        }
        byte[] proxyState = new byte[8];
        random.nextBytes(proxyState);
        attributes.octets(Attributes.PROXY_STATE, proxyState);
        byte[] secretBytes = MessageAuthenticator.secretBytes(secret);
        AccountingRequestEncoder encoder = new AccountingRequestEncoder(secretBytes);
        AtomicInteger counter = nextIdentifier.computeIfAbsent(gateway, g -> new AtomicInteger(random.nextInt(256)));
        for (int tries = 0; tries < 256; tries++) {
            int identifier = counter.getAndIncrement() & 0xff;
            Key key = new Key(gateway, identifier);
            encoder.encode(code, identifier, attributes);
            byte[] packet = attributes.toByteArray();
            Pending p = new Pending(key, packet, secretBytes, proxyState);
            if (pending.putIfAbsent(key, p) == null) {
                p.transmit();
                return p.result;
            }
        }
        return CompletableFuture.failedFuture(new IllegalStateException("256 requests to " + gateway + " are already waiting"));
    }

    private void answered(InetSocketAddress sender, byte[] reply) {
        if (reply.length < DatagramCheck.HEADER_LENGTH) {
            return;
        }
        Pending p = pending.get(new Key(sender, reply[1] & 0xff));
        if (p == null) {
            return;
        }
        Decoded<Reply> decoded = replies.decode(reply, p.packet, p.secret);
        if (!(decoded instanceof Decoded.Ok<Reply> ok) || !echoesOrOmits(ok.value(), p.proxyState)) {
            return;
        }
        PacketCode code = ok.value().code();
        CoaResult.Outcome outcome = code == PacketCode.DISCONNECT_ACK || code == PacketCode.COA_ACK
                ? CoaResult.Outcome.ACK : CoaResult.Outcome.NAK;
        OptionalLong cause = ok.value().attributes().integer(Attributes.ERROR_CAUSE);
        if (pending.remove(p.key, p)) {
            p.result.complete(new CoaResult(outcome, cause.isPresent() ? OptionalInt.of((int) cause.getAsLong()) : OptionalInt.empty(),
                    p.attempts));
            p.timeout.cancel();
        }
    }

    private static boolean echoesOrOmits(Reply reply, byte[] proxyState) {
        return reply.attributes().bytes(Attributes.PROXY_STATE).map(echoed -> Arrays.equals(echoed, proxyState)).orElse(true);
    }

    private void expired(Pending p) {
        if (pending.get(p.key) != p) {
            return;
        }
        if (p.attempts < maxAttempts) {
            p.transmit();
        } else if (pending.remove(p.key, p)) {
            p.result.complete(new CoaResult(CoaResult.Outcome.TIMEOUT, OptionalInt.empty(), p.attempts));
        }
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        pending.values().forEach(p -> p.result.complete(new CoaResult(CoaResult.Outcome.TIMEOUT, OptionalInt.empty(), p.attempts)));
    }
}
