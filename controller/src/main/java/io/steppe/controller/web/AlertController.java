package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.controller.ControllerService;
import io.steppe.controller.alert.Alert;
import io.steppe.web.Allowed;
import io.steppe.web.account.Role;
import java.util.List;

/** {@code GET /api/alerts}: the open alerts (oldest first); {@code ?state=all}: the last 500, open or resolved, newest first. */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/api/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AlertController {

    private final ControllerService controller;

    AlertController(ControllerService controller) {
        this.controller = controller;
    }

    /** One alert as JSON. */
    @Serdeable
    record AlertView(long id, String key, String scope, String subject, String reason, String message, int affected, int flaps,
                     String openedAt, @Nullable String resolvedAt) {
        static AlertView of(Alert a) {
            return new AlertView(a.id(), a.key(), a.scope(), a.subject(), a.reason(), a.message(), a.affected(), a.flaps(),
                    a.openedAt().toString(), a.resolvedAt().map(Object::toString).orElse(null));
        }
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String state) {
        if (state == null || state.isBlank() || state.equals("open")) {
            return HttpResponse.ok(controller.evaluator().alerts().openAlerts().stream().map(AlertView::of).toList());
        }
        if (state.equals("all")) {
            List<AlertView> all = controller.alertStore().recent(500).stream().map(AlertView::of).toList();
            return HttpResponse.ok(all);
        }
        throw new BadControllerRequest("state must be 'open' or 'all'");
    }
}
