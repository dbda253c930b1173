package io.steppe.radius.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.steppe.radius.server.RequestDispatcher;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners for RADIUS authentication and accounting on UDP, and RadSec on TCP when configured, on one
 * small group of event loops. {@link #start} binds all or none;
 * {@link #close} stops reading at once and lets the event loops finish what they were writing.
 */
public final class RadiusServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RadiusServer.class);
    /** Room for bursts: a gateway's reboot makes every AP re-authenticate at once. */
    private static final int RECEIVE_BUFFER = 4 * 1024 * 1024;

    private final EventLoopGroup group;
    private final Channel auth;
    private final Channel acct;
    private final java.util.Optional<RadSecServer> radsec;

    private RadiusServer(EventLoopGroup group, Channel auth, Channel acct, java.util.Optional<RadSecServer> radsec) {
        this.group = group;
        this.auth = auth;
        this.acct = acct;
        this.radsec = radsec;
    }

    /**
     * @throws java.io.UncheckedIOException naming the port when one cannot be bound
     */
    public static RadiusServer start(RadiusServerConfig config, java.util.Optional<RadSecConfig> radsecConfig,
                                     RequestDispatcher dispatcher) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.eventLoops(), new DefaultThreadFactory("steppe-radius", true), io);
        Class<? extends DatagramChannel> channelType = epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
        try {
            Channel auth = bind(group, channelType, config.bindAddress(), config.authPort(),
                    new RadiusDatagramHandler(dispatcher, RequestDispatcher.Port.AUTH), "STEPPE_RADIUS_AUTH_PORT");
            Channel acct;
            java.util.Optional<RadSecServer> radsec;
            try {
                acct = bind(group, channelType, config.bindAddress(), config.acctPort(),
                        new RadiusDatagramHandler(dispatcher, RequestDispatcher.Port.ACCT), "STEPPE_RADIUS_ACCT_PORT");
                try {
                    radsec = radsecConfig.map(c -> RadSecServer.start(c, group, dispatcher));
                } catch (RuntimeException e) {
                    acct.close().syncUninterruptibly();
                    throw e;
                }
            } catch (RuntimeException e) {
                auth.close().syncUninterruptibly();
                throw e;
            }
            LOG.info("radius: authentication on udp {} and accounting on udp {} ({})", auth.localAddress(), acct.localAddress(),
                    epoll ? "epoll" : "nio");
            if (radsec.isEmpty()) {
                LOG.info("radsec: off (no certificate configured)");
            }
            return new RadiusServer(group, auth, acct, radsec);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    private static Channel bind(EventLoopGroup group, Class<? extends DatagramChannel> type, String host, int port,
                                RadiusDatagramHandler handler, String key) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(type)
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    // Replies are flushed once per burst (at the end of a read loop, or once for the replies of a
                    // committed accounting batch), so epoll sends a burst with one sendmmsg instead of a sendto each.
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        channel.pipeline().addLast(new FlushConsolidationHandler(
                                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true), handler);
                    }
                });
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::");
        if (wildcard) {
            try {
                return bootstrap.bind(new InetSocketAddress("::", port)).syncUninterruptibly().channel();
            } catch (RuntimeException e) {
                LOG.debug("No IPv6 on this host ({}); listening on IPv4 only", e.getMessage());
            }
        }
        try {
            return bootstrap.bind(new InetSocketAddress(wildcard ? "0.0.0.0" : host, port)).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException("cannot listen on udp " + host + " port " + port
                    + " (" + key + "): " + e.getMessage(), e));
        }
    }

    public int authPort() {
        return ((InetSocketAddress) auth.localAddress()).getPort();
    }

    public int acctPort() {
        return ((InetSocketAddress) acct.localAddress()).getPort();
    }

    /** The RadSec port, when RadSec is on. */
    public java.util.OptionalInt radsecPort() {
        return radsec.map(r -> java.util.OptionalInt.of(r.port())).orElse(java.util.OptionalInt.empty());
    }

    public boolean isUp() {
        return auth.isActive() && acct.isActive() && radsec.map(RadSecServer::isUp).orElse(true);
    }

    @Override
    public void close() {
        radsec.ifPresent(RadSecServer::close);
        auth.close().syncUninterruptibly();
        acct.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
