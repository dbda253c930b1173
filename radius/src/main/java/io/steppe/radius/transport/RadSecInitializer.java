package io.steppe.radius.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.server.RequestDispatcher;
import java.util.concurrent.TimeUnit;

/**
 * The RadSec pipeline: TLS with client certificates, then packets framed by their own Length field
 * (octets 3-4, counting the whole packet), then the handler. Idle connections are closed after
 * {@link #IDLE_SECONDS}, as RFC 6614 §2.6 lets a server do.
 */
final class RadSecInitializer extends ChannelInitializer<SocketChannel> {

    static final int IDLE_SECONDS = 300;

    private final SslContext tls;
    private final RequestDispatcher dispatcher;

    RadSecInitializer(SslContext tls, RequestDispatcher dispatcher) {
        this.tls = tls;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast(tls.newHandler(channel.alloc()))
                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS) {
                    @Override
                    protected void channelIdle(io.netty.channel.ChannelHandlerContext ctx, io.netty.handler.timeout.IdleStateEvent evt) {
                        ctx.close();
                    }
                })
                .addLast(new LengthFieldBasedFrameDecoder(DatagramCheck.MAX_LENGTH, 2, 2, -4, 0, true))
                .addLast(new RadSecHandler(dispatcher));
    }
}
