package io.steppe.ops.server;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT (Ctrl-C). Handling the signals ourselves, rather than in a shutdown hook,
 * lets Steppe stop in order (listeners, requests in flight, then the database) instead of racing the
 * embedded PostgreSQL's own hook.
 */
public final class ShutdownSignal {

    private final CountDownLatch received = new CountDownLatch(1);

    public ShutdownSignal() {
        Signal.handle(new Signal("TERM"), s -> received.countDown());
        Signal.handle(new Signal("INT"), s -> received.countDown());
    }

    public void await() throws InterruptedException {
        received.await();
    }
}
