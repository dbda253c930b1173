package io.steppe.ops.web;

import io.steppe.db.cluster.NodeRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What {@code /console/nodes} shows: each node as a row of text. */
public record NodesPage(List<Row> nodes, long reportEverySeconds) {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One node; {@code jobs} is the singleton work it holds, or a dash. */
    public record Row(String id, boolean self, String address, String version, String started, long seenSecondsAgo, String jobs) {
    }

    static NodesPage of(List<NodeRegistry.Node> nodes, String self, OffsetDateTime now) {
        return new NodesPage(nodes.stream().map(n -> new Row(n.id(), n.id().equals(self), n.address(), n.version(),
                SECOND.format(n.startedAt().withOffsetSameInstant(ZoneOffset.UTC)),
                Math.max(0, Duration.between(n.seenAt(), now).toSeconds()),
                n.jobs().isEmpty() ? "–" : String.join(", ", n.jobs()))).toList(), NodeRegistry.REPORT_EVERY.toSeconds());
    }
}
