package io.steppe.controller.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import io.steppe.controller.health.ApState;
import io.steppe.controller.health.Reason;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

    static final Alert ALERT = new Alert(7, "ap:jn-01", "ap", "jn-01", ApState.DOWN,
            List.of(Reason.of(Reason.SILENT, Instant.parse("2026-05-01T07:59:00Z"), 3, 20)), 1, 0, 0,
            Instant.parse("2026-05-01T08:00:00Z"), Optional.empty(), Optional.empty(), Optional.empty());

    /** A loopback webhook answering the given statuses in turn (the last one from then on). */
    static final class Hook implements AutoCloseable {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final CountDownLatch calls;
        final HttpServer server;

        Hook(int expectedCalls, int... statuses) throws Exception {
            calls = new CountDownLatch(expectedCalls);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(statuses[Math.min(bodies.size(), statuses.length) - 1], -1);
                exchange.close();
                calls.countDown();
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilDelivered() throws Exception {
        try (Hook hook = new Hook(3, 500, 502, 200);
             WebhookNotifier notifier = new WebhookNotifier(hook.url(), JsonMapper.createDefault(), 5, Duration.ofMillis(10))) {
            notifier.notify(AlertNotifier.Event.OPENED, ALERT);
            assertTrue(hook.calls.await(20, TimeUnit.SECONDS));
            assertEquals(3, hook.bodies.size());
            assertTrue(hook.bodies.get(2).startsWith("{\"event\":\"opened\",\"alert\":{\"id\":7,\"key\":\"ap:jn-01\""), hook.bodies.get(2));
            assertTrue(hook.bodies.get(2).contains("\"state\":\"DOWN\",\"reason\":\"silent\",\"reasons\":[\"silent\"],"
                    + "\"message\":\"AP jn-01 Down: no heartbeat since 2026-05-01T07:59:00Z (3 intervals of 20 s missed)\""), hook.bodies.get(2));
            assertEquals(hook.bodies.get(0), hook.bodies.get(2), "the same event each time");
        }
    }

    @Test
    void aClientErrorIsFinal() throws Exception {
        try (Hook hook = new Hook(2, 400);
             WebhookNotifier notifier = new WebhookNotifier(hook.url(), JsonMapper.createDefault(), 5, Duration.ofMillis(1))) {
            notifier.notify(AlertNotifier.Event.RESOLVED, ALERT);
            notifier.notify(AlertNotifier.Event.OPENED, ALERT);
            assertTrue(hook.calls.await(20, TimeUnit.SECONDS));
            assertTrue(hook.bodies.get(0).contains("\"event\":\"resolved\""));
            assertTrue(hook.bodies.get(1).contains("\"event\":\"opened\""), "the refused event was not sent again");
            assertEquals(0, notifier.failedAttempts());
        }
    }

    @Test
    void anUnreachableHookIsTriedTheConfiguredNumberOfTimesThenGivenUp() throws Exception {
        URI closed;
        try (Hook hook = new Hook(0, 200)) {
            closed = hook.url();
        }
        try (WebhookNotifier notifier = new WebhookNotifier(closed, JsonMapper.createDefault(), 3, Duration.ofMillis(5))) {
            notifier.notify(AlertNotifier.Event.OPENED, ALERT);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (notifier.failedAttempts() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(3, notifier.failedAttempts());
            assertEquals(0, notifier.delivered());
        }
    }
}
