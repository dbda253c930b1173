package io.steppe.portal.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Hands each message to an SMS provider's webhook as JSON ({@code {"to":"+976…","text":"…"}}), retrying
 * twice with backoff (0.5 s, then 1 s) on a network error or a 5xx; a 4xx is final.
 */
public final class WebhookSmsSender implements SmsSender {

    private static final Duration[] BACKOFF = {Duration.ofMillis(500), Duration.ofSeconds(1)};

    /** Waits between attempts; tests pass one that only records. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final URI webhook;
    private final Pause pause;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public WebhookSmsSender(URI webhook) {
        this(webhook, d -> Thread.sleep(d.toMillis()));
    }

    public WebhookSmsSender(URI webhook, Pause pause) {
        this.webhook = webhook;
        this.pause = pause;
    }

    @Override
    public void send(PhoneNumber to, String text) {
        String body = "{\"to\":\"" + to.e164() + "\",\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Exception last = null;
        for (int attempt = 0; attempt <= BACKOFF.length; attempt++) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
                last = new IOException("the SMS webhook answered " + status);
                if (status / 100 == 4) {
                    break;
                }
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsNotSent("interrupted", e);
            }
            if (attempt < BACKOFF.length) {
                try {
                    pause.pause(BACKOFF[attempt]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SmsNotSent("interrupted", e);
                }
            }
        }
        throw new SmsNotSent("the SMS could not be sent: " + last.getMessage(), last);
    }
}
