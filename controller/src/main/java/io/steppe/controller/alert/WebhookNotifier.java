package io.steppe.controller.alert;

import io.micronaut.json.JsonMapper;
import io.steppe.controller.health.Reason;
import io.steppe.controller.health.Words;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each alert event as JSON to a webhook ({@code {"event":"opened","alert":{…}}}). A network error or a
 * 5xx is retried with doubling backoff (first, 2 × first, 4 × first…) up to {@code attempts} times; a 4xx is
 * final. Every attempt that fails, and an event given up on, is logged. Deliveries never block the evaluator.
 */
public final class WebhookNotifier implements AlertNotifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    /** A pager has no reader to ask for a language: English, times in UTC. */
    private static final Words ENGLISH = Words.english();

    private final URI url;
    private final JsonMapper json;
    private final int attempts;
    private final Duration firstBackoff;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "steppe-alert-webhook");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();

    public WebhookNotifier(URI url, JsonMapper json, int attempts, Duration firstBackoff) {
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("webhook attempts must be 1..20, was " + attempts);
        }
        this.url = url;
        this.json = json;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public void notify(Event event, Alert alert) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload(event, alert));
        } catch (IOException e) {
            throw new IllegalStateException("an alert is always JSON", e);
        }
        schedule(body, alert, 1, Duration.ZERO);
    }

    static Map<String, Object> payload(Event event, Alert alert) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", alert.id());
        a.put("key", alert.key());
        a.put("scope", alert.scope());
        a.put("subject", alert.subject());
        a.put("state", alert.state().name());
        a.put("reason", alert.reason());
        a.put("reasons", alert.reasons().stream().map(Reason::code).toList());
        a.put("message", alert.message(ENGLISH));
        a.put("affected", alert.affected());
        a.put("flaps", alert.flaps());
        a.put("opened_at", alert.openedAt().toString());
        a.put("resolved_at", alert.resolvedAt().map(Object::toString).orElse(null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event", event.name().toLowerCase(Locale.ROOT));
        out.put("alert", a);
        return out;
    }

    private void schedule(byte[] body, Alert alert, int attempt, Duration delay) {
        try {
            scheduler.schedule(() -> attempt(body, alert, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.warn("Alert {} not delivered to the webhook: shutting down", alert.id());
        }
    }

    private void attempt(byte[] body, Alert alert, int attempt) {
        String failure;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                delivered.incrementAndGet();
                return;
            }
            failure = "answered " + status;
            if (status / 100 == 4) {
                LOG.error("Alert {} refused by the webhook ({}); not retried", alert.id(), failure);
                return;
            }
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        failedAttempts.incrementAndGet();
        if (attempt >= attempts) {
            LOG.error("Alert {} not delivered to the webhook after {} attempts: {}", alert.id(), attempt, failure);
            return;
        }
        Duration backoff = firstBackoff.multipliedBy(1L << (attempt - 1));
        LOG.warn("Alert {}: webhook attempt {} failed ({}); retrying in {} ms", alert.id(), attempt, failure, backoff.toMillis());
        schedule(body, alert, attempt + 1, backoff);
    }

    /** Events delivered. */
    public int delivered() {
        return delivered.get();
    }

    /** Attempts that failed (and were retried or given up). */
    public int failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
