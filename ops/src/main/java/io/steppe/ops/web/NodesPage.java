package io.steppe.ops.web;

import io.steppe.db.cluster.NodeRegistry;
import java.time.Instant;
import java.util.List;

/** What {@code /console/nodes} shows: each node, with the work that must happen once that it holds. */
public record NodesPage(List<Row> nodes, long reportEverySeconds) {

    /** One node; {@code jobs} is the singleton work it holds, perhaps none. */
    public record Row(String id, boolean self, String address, String version, Instant started, Instant seen, List<String> jobs) {
    }

    static NodesPage of(List<NodeRegistry.Node> nodes, String self) {
        return new NodesPage(nodes.stream().map(n -> new Row(n.id(), n.id().equals(self), n.address(), n.version(),
                n.startedAt().toInstant(), n.seenAt().toInstant(), n.jobs())).toList(), NodeRegistry.REPORT_EVERY.toSeconds());
    }
}
