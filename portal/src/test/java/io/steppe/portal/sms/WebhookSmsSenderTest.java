package io.steppe.portal.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook sender against a provider on loopback that answers what the test tells it to. */
class WebhookSmsSenderTest {

    final Deque<Integer> statuses = new ArrayDeque<>();
    final List<String> bodies = new ArrayList<>();
    final List<Duration> pauses = new ArrayList<>();
    final HttpServer provider = provider();

    HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/sms", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(statuses.isEmpty() ? 200 : statuses.pop(), -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    WebhookSmsSender sender() {
        return new WebhookSmsSender(URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/sms"), pauses::add);
    }

    @Test
    void messageIsPostedAsJsonAndAServerErrorIsRetriedWithBackoff() {
        statuses.add(503);
        sender().send(new PhoneNumber("+97699112233"), "Code \"123456\"");
        assertEquals(2, bodies.size());
        assertEquals("{\"to\":\"+97699112233\",\"text\":\"Code \\\"123456\\\"\"}", bodies.get(1));
        assertEquals(List.of(Duration.ofMillis(500)), pauses);
    }

    @Test
    void aProviderThatKeepsFailingIsReportedAfterThreeTries() {
        statuses.addAll(List.of(500, 502, 503));
        SmsSender.SmsNotSent e = assertThrows(SmsSender.SmsNotSent.class, () -> sender().send(new PhoneNumber("+79161234567"), "x"));
        assertTrue(e.getMessage().contains("503"), e.getMessage());
        assertEquals(3, bodies.size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), pauses);
    }

    @Test
    void aRefusalIsFinal() {
        statuses.add(400);
        assertThrows(SmsSender.SmsNotSent.class, () -> sender().send(new PhoneNumber("+8613812345678"), "x"));
        assertEquals(1, bodies.size());
    }
}
