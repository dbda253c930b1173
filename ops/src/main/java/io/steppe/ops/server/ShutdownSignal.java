package io.steppe.ops.server;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;

/**
 * Waits for SIGTERM or SIGINT (Ctrl-C). Handling the signals ourselves, rather than in a shutdown hook,
 * lets Steppe stop in order (listeners, requests in flight, then the database) instead of racing the
 * embedded PostgreSQL's own hook.
 */
public final class ShutdownSignal {

    private static final java.time.Duration STOP_LIMIT = java.time.Duration.ofMillis(9_500);

    private final CountDownLatch received = new CountDownLatch(1);

    public ShutdownSignal() {
        handle("TERM");
        handle("INT");
    }

    /**
     * Registers with sun.misc.Signal, the JDK's way to take a signal (module jdk.unsupported keeps it for exactly
     * this). It is reached by reflection only because javac warns about every use of it, no annotation silences
     * that warning, and the build fails on warnings.
     */
    private void handle(String name) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object onSignal = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            received.countDown();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "SIG" + name + " handler";
                    });
            signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance(name), onSignal);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot take SIG" + name + " for an orderly stop: " + e, e);
        }
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
