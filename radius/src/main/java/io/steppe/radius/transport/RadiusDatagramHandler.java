package io.steppe.radius.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.steppe.radius.server.RequestDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each datagram of one port to the dispatcher and writes back what it answers. */
@ChannelHandler.Sharable
final class RadiusDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(RadiusDatagramHandler.class);

    private final RequestDispatcher dispatcher;
    private final RequestDispatcher.Port port;

    RadiusDatagramHandler(RequestDispatcher dispatcher, RequestDispatcher.Port port) {
        this.dispatcher = dispatcher;
        this.port = port;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
        byte[] bytes = ByteBufUtil.getBytes(datagram.content());
        dispatcher.handle(port, bytes, datagram.sender(),
                reply -> ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), datagram.sender()), ctx.voidPromise()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket error (an ICMP unreachable, a full buffer) concerns one datagram; keep serving.
        LOG.debug("RADIUS {} socket error: {}", port, cause.toString());
    }
}
