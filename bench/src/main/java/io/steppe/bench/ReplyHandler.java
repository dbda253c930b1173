package io.steppe.bench;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/** Hands the replies arriving on one source port to the driver, and tells it when a batch of reads is over. */
final class ReplyHandler extends ChannelInboundHandlerAdapter {

    private final LoadDriver driver;
    private final int channel;

    ReplyHandler(LoadDriver driver, int channel) {
        this.driver = driver;
        this.channel = channel;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof DatagramPacket packet) {
                driver.onReply(channel, packet.content());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        driver.afterReads();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A connected UDP socket reports ICMP port unreachable as a read error; the request then times out.
        driver.onError(cause);
    }
}
