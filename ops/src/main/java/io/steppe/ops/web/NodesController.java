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
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.Templates;
import io.steppe.web.Texts;
import io.steppe.web.account.Role;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
    private final Templates templates = new Templates("io.steppe.ops.jte");

    NodesController(NodeRegistry registry, ConsoleLayout layout) {
        this.registry = registry;
        this.layout = layout;
    }

    @Get("/api/nodes")
    List<NodeView> nodes() {
        return registry.nodes().stream()
                .map(n -> new NodeView(n.id(), n.id().equals(registry.self()), n.address(), n.version(), n.startedAt(), n.seenAt(), n.jobs()))
                .toList();
    }

    @Get(uri = "/console/nodes", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String page(HttpRequest<?> request) {
        Texts t = layout.texts(request);
        return layout.page(layout.page(request, t.get("nodes.title"), Link.here(t.get("nodes.title"))),
                templates.content("nodes.jte", Map.of("t", t, "page", NodesPage.of(registry.nodes(), registry.self()))));
    }

    /** The table alone, which the page's live script fetches. */
    @Get(uri = "/console/nodes/rows", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String rows(HttpRequest<?> request) {
        return templates.render("node-rows.jte", Map.of("t", layout.texts(request), "page", NodesPage.of(registry.nodes(), registry.self())));
    }
}
