package io.steppe.ops.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.db.cluster.NodeRegistry;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.Templates;
import io.steppe.web.account.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The Steppe nodes serving from this database and heard from in the last minute, whichever node answers: this one
 * first, then by start, each with the singleton work it holds. {@code GET /api/nodes} and {@code /console/nodes}.
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class NodesController {

    /** A node as operators see it. */
    @Serdeable
    record NodeView(String id, boolean self, String address, String version, OffsetDateTime startedAt, OffsetDateTime seenAt,
                    List<String> jobs) {
    }

    private final NodeRegistry registry;
    private final ConsoleLayout layout;
    private final Clock clock;
    private final Templates templates = new Templates("io.steppe.ops.jte");

    NodesController(NodeRegistry registry, ConsoleLayout layout, Clock clock) {
        this.registry = registry;
        this.layout = layout;
        this.clock = clock;
    }

    @Get("/api/nodes")
    List<NodeView> nodes() {
        return registry.nodes().stream()
                .map(n -> new NodeView(n.id(), n.id().equals(registry.self()), n.address(), n.version(), n.startedAt(), n.seenAt(), n.jobs()))
                .toList();
    }

    @Get(uri = "/console/nodes", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String page(HttpRequest<?> request) {
        NodesPage page = NodesPage.of(registry.nodes(), registry.self(), OffsetDateTime.now(clock));
        return layout.page(layout.page(request, "Steppe · nodes", Link.here("Nodes")),
                templates.content("nodes.jte", page));
    }
}
