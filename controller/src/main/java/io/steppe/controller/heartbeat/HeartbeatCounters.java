package io.steppe.controller.heartbeat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Heartbeats taken in and refused, by reason, and values left out of them, by field; read by the metrics exporter and by tests. */
public final class HeartbeatCounters {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final Map<HeartbeatRejected.Kind, LongAdder> rejected = new EnumMap<>(HeartbeatRejected.Kind.class);
    private final Map<HeartbeatField, LongAdder> ignored = new EnumMap<>(HeartbeatField.class);

    public HeartbeatCounters() {
        for (HeartbeatRejected.Kind kind : HeartbeatRejected.Kind.values()) {
            rejected.put(kind, new LongAdder());
        }
        for (HeartbeatField field : HeartbeatField.values()) {
            ignored.put(field, new LongAdder());
        }
    }

    void accepted(int count) {
        accepted.add(count);
        batches.increment();
    }

    public void reject(HeartbeatRejected.Kind kind) {
        rejected.get(kind).increment();
    }

    public void ignored(List<IgnoredField> fields) {
        fields.forEach(f -> ignored.get(f.field()).increment());
    }

    /** Heartbeats written to the database. */
    public long accepted() {
        return accepted.sum();
    }

    /** Transactions they were written in. */
    public long batches() {
        return batches.sum();
    }

    public long rejected(HeartbeatRejected.Kind kind) {
        return rejected.get(kind).sum();
    }

    /** Values left out of heartbeats that were taken in, for this field (or for every unknown one). */
    public long ignored(HeartbeatField field) {
        return ignored.get(field).sum();
    }
}
