package io.steppe.controller.web;

import io.micronaut.serde.annotation.Serdeable;
import io.steppe.controller.health.Words;
import io.steppe.controller.history.History;
import io.steppe.controller.history.HistoryPoint;
import java.util.List;

/** {@code GET /api/aps/{id}/history} as JSON, times as ISO-8601 strings. */
@Serdeable
record HistoryView(String ap, String from, String to, String resolution, List<Point> points, List<Change> changes) {

    /** Figures at (or averaged from) one time. */
    @Serdeable
    record Point(String at, int samples, Float clients, Integer clientsMax, Float cpuLoad, Float memory, Float channelUtilization,
                 Float noiseDbm, Float rttMs, Float loss) {
    }

    /** A change of state. */
    @Serdeable
    record Change(String at, String from, String to, List<String> reasons) {
    }

    static HistoryView of(History h, Words words) {
        return new HistoryView(h.ap(), h.from().toString(), h.to().toString(), h.resolution(),
                h.points().stream().map(HistoryView::point).toList(),
                h.changes().stream().map(c -> new Change(c.at().toString(), c.from(), c.to(),
                        c.reasons().stream().map(r -> r.text(words)).toList())).toList());
    }

    private static Point point(HistoryPoint p) {
        return new Point(p.at().toString(), p.samples(), p.clients(), p.clientsMax(), p.cpuLoad(), p.memory(), p.channelUtilization(),
                p.noiseDbm(), p.rttMs(), p.loss());
    }
}
