package io.steppe.ops.server;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT (Ctrl-C). Handling the signals ourselves, rather than in a shutdown hook,
 * lets Steppe stop in order (listeners, requests in flight, then the database) instead of racing the
 * embedded PostgreSQL's own hook.
 */
public final class ShutdownSignal {

    private static final java.time.Duration STOP_LIMIT = java.time.Duration.ofMillis(9_500);

    private final CountDownLatch received = new CountDownLatch(1);

    public ShutdownSignal() {
        Signal.handle(new Signal("TERM"), s -> received.countDown());
        Signal.handle(new Signal("INT"), s -> received.countDown());
    }

    /**
     * Returns once a signal has come, and arms a watchdog: a supervisor waits 10 s after SIGTERM before it
     * kills, so if the orderly stop is stuck (a database that stopped answering, a deleted data directory) the
     * process halts by itself just before, and the next start recovers the embedded database as after a kill.
     */
    public void await() throws InterruptedException {
        received.await();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(STOP_LIMIT.toMillis());
                System.err.println("steppe: orderly stop took longer than " + STOP_LIMIT.toSeconds() + " s; halting");
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "steppe-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
