package io.steppe.ops.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.db.cluster.NodeRegistry;
import io.steppe.web.Allowed;
import io.steppe.web.account.Role;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/nodes}: the Steppe nodes serving from this database and heard from in the last minute, whichever
 * node answers: this one first, then by start, each with the singleton work it holds.
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/api/nodes")
final class NodesController {

    /** A node as operators see it. */
    @Serdeable
    record NodeView(String id, boolean self, String address, String version, OffsetDateTime startedAt, OffsetDateTime seenAt,
                    List<String> jobs) {
    }

    private final NodeRegistry registry;

    NodesController(NodeRegistry registry) {
        this.registry = registry;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    List<NodeView> nodes() {
        return registry.nodes().stream()
                .map(n -> new NodeView(n.id(), n.id().equals(registry.self()), n.address(), n.version(), n.startedAt(), n.seenAt(), n.jobs()))
                .toList();
    }
}
