package io.steppe.radius.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.steppe.radius.server.RequestDispatcher;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One RadSec connection: each framed packet goes to the dispatcher; replies go back on the same connection. */
final class RadSecHandler extends SimpleChannelInboundHandler<ByteBuf> {

    private static final Logger LOG = LoggerFactory.getLogger(RadSecHandler.class);

    private final RequestDispatcher dispatcher;

    RadSecHandler(RequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        byte[] packet = ByteBufUtil.getBytes(frame);
        dispatcher.handle(RequestDispatcher.Port.AUTH, RequestDispatcher.Transport.TLS, packet,
                (InetSocketAddress) ctx.channel().remoteAddress(),
                reply -> ctx.writeAndFlush(Unpooled.wrappedBuffer(reply), ctx.voidPromise()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed handshake or a broken frame ends this connection only.
        LOG.debug("RadSec connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
