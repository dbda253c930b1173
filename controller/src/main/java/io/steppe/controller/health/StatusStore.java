package io.steppe.controller.health;

import static io.steppe.db.schema.Tables.AP_SAMPLE;
import static io.steppe.db.schema.Tables.AP_STATE_CHANGE;
import static io.steppe.db.schema.Tables.AP_STATUS;

import io.steppe.controller.heartbeat.Heartbeat;
import io.steppe.controller.heartbeat.HeartbeatWriter.Received;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Committed states in the database: read once at start, written on each change (one transaction per evaluation). */
final class StatusStore {

    /** A committed state as stored. */
    record Stored(Condition condition, Instant since, int flaps) {
    }

    /** What one evaluation changed for one AP. */
    record Change(String apId, Optional<ApHealth.Transition> transition, Condition condition, Instant since, int flaps) {
    }

    private final DSLContext dsl;

    StatusStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    Map<String, Stored> load() {
        Map<String, Stored> out = new HashMap<>();
        dsl.selectFrom(AP_STATUS).forEach(r -> out.put(r.getApId(), new Stored(new Condition(ApState.valueOf(r.getState()),
                Arrays.stream(r.getReasons()).map(Reason::parse).toList()), r.getSince().toInstant(), r.getFlaps())));
        return out;
    }

    void save(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Query> queries = new java.util.ArrayList<>(changes.size() * 2);
        for (Change c : changes) {
            String[] reasons = c.condition().reasons().stream().map(Reason::stored).toArray(String[]::new);
            queries.add(dsl.insertInto(AP_STATUS).set(AP_STATUS.AP_ID, c.apId()).set(AP_STATUS.STATE, c.condition().state().name())
                    .set(AP_STATUS.REASONS, reasons).set(AP_STATUS.SINCE, time(c.since())).set(AP_STATUS.FLAPS, c.flaps())
                    .onConflict(AP_STATUS.AP_ID).doUpdate().set(AP_STATUS.STATE, c.condition().state().name())
                    .set(AP_STATUS.REASONS, reasons).set(AP_STATUS.SINCE, time(c.since())).set(AP_STATUS.FLAPS, c.flaps()));
            c.transition().ifPresent(t -> queries.add(dsl.insertInto(AP_STATE_CHANGE).set(AP_STATE_CHANGE.AP_ID, c.apId())
                    .set(AP_STATE_CHANGE.AT, time(t.at())).set(AP_STATE_CHANGE.FROM_STATE, t.from().name())
                    .set(AP_STATE_CHANGE.TO_STATE, t.to().state().name()).set(AP_STATE_CHANGE.REASONS, reasons)));
        }
        dsl.transaction(tx -> tx.dsl().batch(queries).execute());
    }

    /** The last heartbeat of each AP heard from within {@code window}, for an evaluator that has just started. */
    Map<String, Received> recentHeartbeats(Instant now, Duration window) {
        Map<String, Received> out = new HashMap<>();
        dsl.select(AP_SAMPLE.fields()).distinctOn(AP_SAMPLE.AP_ID).from(AP_SAMPLE).where(AP_SAMPLE.RECEIVED_AT.ge(time(now.minus(window))))
                .orderBy(AP_SAMPLE.AP_ID, AP_SAMPLE.RECEIVED_AT.desc())
                .fetchInto(AP_SAMPLE).forEach(r -> out.put(r.getApId(), new Received(r.getApId(), new Heartbeat(r.getSentAt().toInstant(),
                        Duration.ofSeconds(r.getIntervalS()), r.getUptimeS() == null ? OptionalLong.empty() : OptionalLong.of(r.getUptimeS()),
                        d(r.getCpuLoad()), d(r.getMemoryRatio()), r.getClients() == null ? OptionalInt.empty() : OptionalInt.of(r.getClients()),
                        List.of(new Heartbeat.Radio(Optional.empty(), OptionalInt.empty(), OptionalDouble.empty(), d(r.getNoiseDbm()),
                                d(r.getChannelUtil()), d(r.getRetriesRatio()), OptionalInt.empty())),
                        Optional.of(new Heartbeat.Backhaul(d(r.getRttMs()), d(r.getLossRatio()))), Optional.ofNullable(r.getFirmware())),
                        r.getReceivedAt().toInstant())));
        return out;
    }

    private static OptionalDouble d(Float value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
