package io.steppe.ops.server;

import io.steppe.ops.UserError;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks ports before anything binds them, so a port in use is one line that names it rather than a
 * stack trace from deep inside Netty, and turns port 0 into a concrete free port.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** The port itself if free, a free port if {@code port} is 0; a {@link UserError} naming the port otherwise. */
    static int claim(String bindAddress, int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
            return socket.getLocalPort();
        } catch (BindException e) {
            throw new UserError("port " + port + " (" + what + ") is already in use on " + bindAddress);
        } catch (IOException e) {
            throw new UserError("cannot listen on " + bindAddress + " port " + port + " (" + what + "): " + e.getMessage());
        }
    }
}
