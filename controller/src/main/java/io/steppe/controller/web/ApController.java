package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/aps} and {@code GET /api/aps/{id}}: the inventory with each AP's state. Until heartbeats
 * arrive every AP is {@code UNKNOWN} (never seen).
 */
@Controller("/api/aps")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApController {

    private final ApRepository aps;

    ApController(ApRepository aps) {
        this.aps = aps;
    }

    /** One AP as the API shows it. */
    @Serdeable
    record ApView(String id, String mac, String name, @Nullable String site, @Nullable Double latitude,
                  @Nullable Double longitude, @Nullable String gateway, String state, List<String> reasons) {

        static ApView of(AccessPoint ap) {
            return new ApView(ap.id(), ap.mac().toString(), ap.name(), ap.site().orElse(null),
                    ap.location().map(AccessPoint.Location::latitude).orElse(null),
                    ap.location().map(AccessPoint.Location::longitude).orElse(null),
                    ap.gateway().orElse(null), "UNKNOWN", List.of("never seen: no heartbeat yet"));
        }
    }

    @Get
    List<ApView> list() {
        return aps.list().stream().map(ApView::of).toList();
    }

    @Get("/{id}")
    HttpResponse<?> one(String id) {
        return aps.find(id).<HttpResponse<?>>map(ap -> HttpResponse.ok(ApView.of(ap)))
                .orElseGet(() -> HttpResponse.notFound(Map.of("error", "no AP with id '" + id + "'")));
    }
}
