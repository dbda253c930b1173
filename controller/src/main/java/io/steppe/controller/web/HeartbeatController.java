package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
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
import io.steppe.controller.heartbeat.HeartbeatBody;
import io.steppe.controller.heartbeat.HeartbeatRejected;
import io.steppe.controller.heartbeat.HeartbeatWriter;
import io.steppe.controller.heartbeat.ParsedHeartbeat;
import io.steppe.web.WithoutLogin;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /api/aps/heartbeat}: an AP reports, authenticated by its own bearer token (not a console login).
 * Answered 200 only once the heartbeat is committed, with a {@code warnings} array naming each value that was left
 * out (unknown, malformed or out of range; each counted by field); 401 for a missing or unknown token, 400 for a
 * body that is not a JSON object or a timestamp too far off, 413 for a body over the limit, 503 when it could not
 * be saved. Every refusal is counted.
 */
@WithoutLogin
@Controller("/api/aps/heartbeat")
final class HeartbeatController {

    /** The answer names this many of the values left out of a heartbeat, and counts the rest. */
    private static final int WARNINGS_SHOWN = 20;

    private final ControllerService controller;

    HeartbeatController(ControllerService controller) {
        this.controller = controller;
    }

    /**
     * The body is bound as a stream and read only after the token is checked, and only up to the limit: neither a
     * stranger nor an AP can make Steppe buffer a large body.
     */
    @Post(consumes = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CompletableFuture<MutableHttpResponse<?>> heartbeat(HttpRequest<?> request, @Nullable @Body InputStream body) {
        Instant now = controller.clock().instant();
        String ap;
        ParsedHeartbeat parsed;
        try (InputStream in = body) {
            ap = controller.tokens().apOf(request.getHeaders().getAuthorization());
            parsed = controller.parser().parse(HeartbeatBody.read(in, request.getContentLength(), controller.settings().maxBodyBytes()), now);
        } catch (IOException e) {
            throw new HeartbeatRejected(HeartbeatRejected.Kind.MALFORMED, "the body could not be read to its end");
        }
        controller.counters().ignored(parsed.ignored());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ap", ap);
        answer.put("interval_s", parsed.heartbeat().interval().toSeconds());
        answer.put("warnings", parsed.ignored().stream().limit(WARNINGS_SHOWN)
                .map(f -> Map.of("field", f.path(), "problem", f.problem())).toList());
        if (parsed.ignored().size() > WARNINGS_SHOWN) {
            answer.put("warnings_total", parsed.ignored().size());
        }
        return controller.writer().submit(new HeartbeatWriter.Received(ap, parsed.heartbeat(), now))
                .<MutableHttpResponse<?>>thenApply(done -> HttpResponse.ok(answer))
                .exceptionally(e -> {
                    throw refused(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                });
    }

    /** A save that failed for any reason is answered as overload; its cause is the writer's to log. */
    private static HeartbeatRejected refused(Throwable failure) {
        return failure instanceof HeartbeatRejected r ? r
                : new HeartbeatRejected(HeartbeatRejected.Kind.OVERLOADED, "the heartbeat could not be saved");
    }
}
