package io.steppe.controller.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** TCP connects with a short timeout on a fixed pool, so that at most {@code concurrency} are in flight. */
public final class TcpProber implements AutoCloseable {

    private final ProbePolicy policy;
    private final ExecutorService pool;

    public TcpProber(ProbePolicy policy) {
        this.policy = policy;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(policy.concurrency(), r -> {
            Thread t = new Thread(r, "steppe-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public ProbePolicy policy() {
        return policy;
    }

    /** Completes with whether the port accepted a connection within the timeout. */
    public CompletableFuture<Boolean> probe(String address) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, policy.port()), (int) policy.timeout().toMillis());
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }, pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
