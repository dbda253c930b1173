package io.steppe.ops.server;

import io.steppe.ops.UserError;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks ports before anything binds them, so a port in use is one line that names it rather than a
 * stack trace from deep inside Netty, and turns port 0 into a concrete free port.
 */
final class PortCheck {

    private PortCheck() {
    }

    /**
     * Where port 0 is looked for: below Linux's default ephemeral range (32768–60999). A port from that range is
     * free only until the listener binds it, and in between an outgoing connection (a database connection opened
     * at start) may be given it as its local port; one below it is never handed out that way.
     */
    private static final int CHOSEN_FROM = 20_000;
    private static final int CHOSEN_TO = 32_767;
    private static final int CHOICES = 64;

    /** The port itself if free, a free port if {@code port} is 0; a {@link UserError} naming the port otherwise. */
    static int claim(String bindAddress, int port, String what) {
        if (port == 0) {
            for (int i = 0; i < CHOICES; i++) {
                int candidate = ThreadLocalRandom.current().nextInt(CHOSEN_FROM, CHOSEN_TO + 1);
                if (free(bindAddress, candidate)) {
                    return candidate;
                }
            }
        }
        return bind(bindAddress, port, what);
    }

    private static boolean free(String bindAddress, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int bind(String bindAddress, int port, String what) {
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
