package io.steppe.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link RadiusBenchPlan}: one event-loop thread (epoll where available), several UDP source ports
 * connected to the target, a {@link LoadDriver} on that loop; then closes everything. Blocks the caller for at
 * most the plan's {@link RadiusBenchPlan#longest()} and a few seconds more.
 */
public final class RadiusLoadGenerator {

    /** Room for a full window of replies arriving while the loop is busy sending. */
    private static final int SOCKET_BUFFER = 1 << 20;
    private static final Duration GRACE = Duration.ofSeconds(5);

    private RadiusLoadGenerator() {
    }

    /**
     * @param serverCpu the server's CPU clock, or {@link CpuClock#none()}
     * @throws IllegalStateException when a source port cannot be opened or the run does not end in time
     */
    public static BenchResult run(RadiusBenchPlan plan, CpuClock serverCpu) {
        DatagramTransport transport = DatagramTransport.best();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("steppe-bench", true), transport.ioHandlers());
        Channel[] channels = new Channel[plan.channels()];
        try {
            EventLoop loop = group.next();
            Promise<BenchResult> done = loop.newPromise();
            BenchRequests requests = new BenchRequests(plan, new SplittableRandom());
            LoadDriver driver = new LoadDriver(plan, requests, channels, loop, done, CpuClock.self(), serverCpu, transport.name());
            for (int i = 0; i < channels.length; i++) {
                ChannelFuture connected = new Bootstrap().group(loop).channel(transport.channelType())
                        .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                        .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(4096))
                        .handler(new ReplyHandler(driver, i))
                        .connect(plan.target().address()).awaitUninterruptibly();
                if (!connected.isSuccess()) {
                    throw new IllegalStateException("cannot open a UDP port to " + plan.target() + ": " + connected.cause().getMessage(),
                            connected.cause());
                }
                channels[i] = connected.channel();
            }
            loop.execute(driver::start);
            if (!done.awaitUninterruptibly(plan.longest().plus(GRACE).toMillis())) {
                throw new IllegalStateException("the generator did not finish within " + plan.longest().plus(GRACE).toSeconds() + " s");
            }
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the generator failed: " + e.getCause(), e.getCause());
        } finally {
            for (Channel channel : channels) {
                if (channel != null) {
                    channel.close().syncUninterruptibly();
                }
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
