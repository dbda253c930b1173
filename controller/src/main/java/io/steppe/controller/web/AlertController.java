package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.controller.ControllerService;
import io.steppe.controller.alert.Alert;
import io.steppe.controller.health.Words;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.ConsoleTexts;
import io.steppe.web.account.Role;
import java.util.List;

/**
 * {@code GET /api/alerts}: the open alerts (oldest first); {@code ?state=all}: the last 500, open or resolved, newest
 * first. {@code message} is in the caller's language (English unless it asks for Chinese), made from the alert's
 * state and reasons as they are now; {@code state} and {@code reason} are codes. {@code POST /api/alerts/{id}/acknowledge}
 * with {@code {"note"}} records who has seen an open alert.
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/api/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AlertController {

    private final ControllerService controller;
    private final ConsoleTexts texts;

    AlertController(ControllerService controller, ConsoleTexts texts) {
        this.controller = controller;
        this.texts = texts;
    }

    /** One alert as JSON. */
    @Serdeable
    record AlertView(long id, String key, String scope, String subject, String state, String reason, List<String> reasons,
                     String message, int affected, int flaps, String openedAt, @Nullable String resolvedAt,
                     @Nullable String acknowledgedBy, @Nullable String acknowledgedAt, @Nullable String acknowledgedNote) {
        static AlertView of(Alert a, Words words) {
            return new AlertView(a.id(), a.key(), a.scope(), a.subject(), a.state().name(), a.reason(),
                    a.reasons().stream().map(r -> r.code()).toList(), a.message(words), a.affected(), a.flaps(),
                    a.openedAt().toString(), a.resolvedAt().map(Object::toString).orElse(null),
                    a.acknowledged().map(Alert.Acknowledgement::by).orElse(null),
                    a.acknowledged().map(k -> k.at().toString()).orElse(null), a.acknowledged().map(Alert.Acknowledgement::note).orElse(null));
        }
    }

    /** What {@code POST /api/alerts/{id}/acknowledge} takes. */
    @Serdeable
    record Acknowledgement(@Nullable String note) {
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String state, HttpRequest<?> request) {
        Words words = new ConsoleWords(texts.of(request));
        if (state == null || state.isBlank() || state.equals("open")) {
            return HttpResponse.ok(controller.alertStore().open().stream().map(a -> AlertView.of(a, words)).toList());
        }
        if (state.equals("all")) {
            return HttpResponse.ok(controller.alertStore().recent(500).stream().map(a -> AlertView.of(a, words)).toList());
        }
        throw new BadControllerRequest("state must be 'open' or 'all'");
    }

    @Post(uri = "/{id}/acknowledge", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> acknowledge(long id, @Body Acknowledgement body, HttpRequest<?> request) {
        AlertAcknowledgements.acknowledge(controller, id, body.note(), ConsoleRequest.actor(request));
        return HttpResponse.ok(AlertView.of(controller.alertStore().find(id).orElseThrow(), new ConsoleWords(texts.of(request))));
    }
}
