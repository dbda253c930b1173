package io.steppe.ops.server;

import io.micronaut.http.context.ServerRequestContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an audited act came from, as {@link io.steppe.db.AuditLog#sourceFrom} asks it: for the server, the address of
 * the console or API client whose request is being served (none for Steppe's own jobs); for a command, the host it was
 * typed on.
 */
public final class AuditSources {

    private AuditSources() {
    }

    /** The TCP peer of the HTTP request in progress on this thread, if any. */
    public static Supplier<Optional<String>> httpClient() {
        return () -> ServerRequestContext.currentRequest().map(r -> address(r.getRemoteAddress()));
    }

    /** {@code cli@<host name>}. */
    public static Supplier<Optional<String>> commandLine() {
        Optional<String> source = Optional.of("cli@" + hostName());
        return () -> source;
    }

    private static String address(InetSocketAddress peer) {
        InetAddress address = peer.getAddress();
        return address == null ? peer.getHostString() : address.getHostAddress();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
