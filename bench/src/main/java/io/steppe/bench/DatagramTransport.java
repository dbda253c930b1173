package io.steppe.bench;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;

/**
 * The Netty transport the generator runs on: native epoll where it loads, else NIO. Epoll is looked up by name
 * because Micronaut's platform makes {@code netty-transport-native-epoll} a runtime-only dependency of ops: it is
 * in the jar but not on the compile classpath.
 *
 * @param name "epoll" or "nio", for the report
 */
record DatagramTransport(String name, IoHandlerFactory ioHandlers, Class<? extends DatagramChannel> channelType) {

    static DatagramTransport best() {
        try {
            Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
            if ((boolean) epoll.getMethod("isAvailable").invoke(null)) {
                IoHandlerFactory factory = (IoHandlerFactory) Class.forName("io.netty.channel.epoll.EpollIoHandler")
                        .getMethod("newFactory").invoke(null);
                Class<? extends DatagramChannel> type = Class.forName("io.netty.channel.epoll.EpollDatagramChannel")
                        .asSubclass(DatagramChannel.class);
                return new DatagramTransport("epoll", factory, type);
            }
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            // No native transport on this platform: NIO does the same job at a little more CPU per datagram.
        }
        return nio();
    }

    static DatagramTransport nio() {
        return new DatagramTransport("nio", NioIoHandler.newFactory(), NioDatagramChannel.class);
    }
}
