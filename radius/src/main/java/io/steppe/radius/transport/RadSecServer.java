package io.steppe.radius.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.steppe.radius.server.RequestDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RadSec listener (RFC 6614, TCP 2083): mutual TLS, gateways identified by certificate and address. */
public final class RadSecServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RadSecServer.class);

    private final Channel channel;

    private RadSecServer(Channel channel) {
        this.channel = channel;
    }

    /** Listens on the given event loops, which the UDP listeners share. */
    public static RadSecServer start(RadSecConfig config, EventLoopGroup group, RequestDispatcher dispatcher) {
        SslContext tls;
        try {
            tls = SslContextBuilder.forServer(config.certificate().toFile(), config.privateKey().toFile())
                    .trustManager(config.trustedCa().toFile())
                    .clientAuth(ClientAuth.REQUIRE)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("cannot load the RadSec certificate or key: " + e.getMessage(), e));
        }
        try {
            Channel channel = new ServerBootstrap().group(group)
                    .channel(Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childHandler(new RadSecInitializer(tls, dispatcher))
                    .bind(new InetSocketAddress(config.bindAddress(), config.port())).syncUninterruptibly().channel();
            LOG.info("radsec: RADIUS over TLS on tcp {}", channel.localAddress());
            return new RadSecServer(channel);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot listen on tcp " + config.bindAddress() + " port " + config.port()
                    + " (STEPPE_RADSEC_PORT): " + e.getMessage(), e));
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public boolean isUp() {
        return channel.isActive();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
