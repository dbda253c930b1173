package io.steppe.radius.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each datagram of one port to the dispatcher and writes back what it answers. Replies are flushed once
 * per burst rather than one by one, so that Netty's epoll transport sends a burst with one {@code sendmmsg}:
 * those decided on the event loop at the end of its read loop, and those decided elsewhere (a committed batch of
 * accounting, a worker's answer) by one task on the event loop that takes every reply queued until it runs.
 * Sharable only so that a failed dual-stack bind can be retried on a second channel; one channel at a time uses it.
 */
@ChannelHandler.Sharable
final class RadiusDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(RadiusDatagramHandler.class);

    private final RequestDispatcher dispatcher;
    private final RequestDispatcher.Port port;
    private final Queue<DatagramPacket> fromOtherThreads = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private boolean unflushed;

    RadiusDatagramHandler(RequestDispatcher dispatcher, RequestDispatcher.Port port) {
        this.dispatcher = dispatcher;
        this.port = port;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
        byte[] bytes = ByteBufUtil.getBytes(datagram.content());
        dispatcher.handle(port, bytes, datagram.sender(),
                reply -> send(ctx, new DatagramPacket(Unpooled.wrappedBuffer(reply), datagram.sender())));
    }

    private void send(ChannelHandlerContext ctx, DatagramPacket reply) {
        if (ctx.executor().inEventLoop()) {
            ctx.write(reply, ctx.voidPromise());
            unflushed = true;
            return;
        }
        fromOtherThreads.offer(reply);
        if (drainScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(() -> drain(ctx));
        }
    }

    /** Cleared before taking, so a reply queued after the last poll schedules a drain of its own. */
    private void drain(ChannelHandlerContext ctx) {
        drainScheduled.set(false);
        DatagramPacket reply;
        while ((reply = fromOtherThreads.poll()) != null) {
            ctx.write(reply, ctx.voidPromise());
        }
        unflushed = false;
        ctx.flush();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket error (an ICMP unreachable, a full buffer) concerns one datagram; keep serving.
        LOG.debug("RADIUS {} socket error: {}", port, cause.toString());
    }
}
