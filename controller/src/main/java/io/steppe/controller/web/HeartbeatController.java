package io.steppe.controller.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.controller.ControllerService;
import io.steppe.controller.heartbeat.Heartbeat;
import io.steppe.controller.heartbeat.HeartbeatRejected;
import io.steppe.controller.heartbeat.HeartbeatWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /api/aps/heartbeat}: an AP reports, authenticated by its own bearer token (not a console login).
 * Answered 200 only once the heartbeat is committed; 401 for a missing or unknown token, 400 naming the bad field,
 * 413 for a body over the limit, 503 when it could not be saved. Every refusal is counted.
 */
@Controller("/api/aps/heartbeat")
final class HeartbeatController {

    private final ControllerService controller;

    HeartbeatController(ControllerService controller) {
        this.controller = controller;
    }

    @Post(consumes = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CompletableFuture<MutableHttpResponse<?>> heartbeat(HttpRequest<?> request, @Body byte[] body) {
        Instant now = controller.clock().instant();
        String ap;
        Heartbeat heartbeat;
        try {
            if (body == null || body.length > controller.settings().maxBodyBytes()) {
                throw new HeartbeatRejected(body == null ? HeartbeatRejected.Kind.MALFORMED : HeartbeatRejected.Kind.TOO_LARGE,
                        body == null ? "the body must be a JSON object" : "the body is " + body.length + " bytes; at most "
                                + controller.settings().maxBodyBytes() + " are accepted");
            }
            ap = controller.tokens().apOf(request.getHeaders().getAuthorization());
            heartbeat = controller.parser().parse(body, now);
        } catch (HeartbeatRejected e) {
            return CompletableFuture.completedFuture(refused(e));
        }
        String id = ap;
        return controller.writer().submit(new HeartbeatWriter.Received(ap, heartbeat, now))
                .<MutableHttpResponse<?>>thenApply(done -> HttpResponse.ok(Map.of("ap", id, "interval_s", heartbeat.interval().toSeconds())))
                .exceptionally(e -> refused(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    private MutableHttpResponse<?> refused(Throwable failure) {
        HeartbeatRejected rejected = failure instanceof HeartbeatRejected r ? r
                : new HeartbeatRejected(HeartbeatRejected.Kind.OVERLOADED, "the heartbeat could not be saved");
        controller.counters().reject(rejected.kind());
        MutableHttpResponse<?> response = HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(rejected.kind().status()))
                .body(Map.of("error", rejected.getMessage()));
        if (rejected.kind() == HeartbeatRejected.Kind.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"steppe-ap\"");
        }
        if (rejected.kind() == HeartbeatRejected.Kind.OVERLOADED) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response;
    }
}
