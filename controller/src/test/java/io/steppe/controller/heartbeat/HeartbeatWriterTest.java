package io.steppe.controller.heartbeat;

import static io.steppe.db.schema.Tables.AP_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.steppe.controller.ControllerConfig;
import io.steppe.controller.web.ControllerHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatWriterTest {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @TempDir
    Path home;

    /** The parser keeps such values out; this is the net below it, for a row that gets past it or an AP deleted meanwhile. */
    @Test
    void rowsPostgreSqlRefusesFailAloneAndTheRestOfTheirBatchIsStored() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            for (int i = 0; i < 20; i++) {
                h.register("jn-" + i, i, Optional.empty());
            }
            ConcurrentLinkedQueue<String> evaluated = new ConcurrentLinkedQueue<>();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            // the ticker stands still, so the linger never ends: the batch is written when all 21 heartbeats are in it
            try (HeartbeatWriter writer = new HeartbeatWriter(h.db.dsl(), new HeartbeatCounters(), r -> evaluated.add(r.apId()), 21, 100,
                    Duration.ofHours(1), () -> 0L)) {
                for (int i = 0; i < 20; i++) {
                    done.add(writer.submit(new HeartbeatWriter.Received("jn-" + i, beat(i == 5 ? "7.4\u0000\ud800" : "7.4"), T0)));
                    if (i == 12) {
                        done.add(writer.submit(new HeartbeatWriter.Received("deleted-meanwhile", beat("7.4"), T0)));
                    }
                }
                CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, done.remove(13)::join);
                assertEquals(HeartbeatRejected.Kind.OVERLOADED, assertInstanceOf(HeartbeatRejected.class, refused.getCause()).kind());
                done.forEach(CompletableFuture::join);
            }
            assertEquals(20, h.db.dsl().fetchCount(AP_SAMPLE));
            assertEquals(20, evaluated.size(), "only stored heartbeats reach the health evaluation");
            assertEquals("7.4\uFFFD\uFFFD", h.db.dsl().select(AP_SAMPLE.FIRMWARE).from(AP_SAMPLE).where(AP_SAMPLE.AP_ID.eq("jn-5")).fetchOne().value1());
        }
    }

    private static Heartbeat beat(String firmware) {
        return new Heartbeat(T0, Duration.ofSeconds(30), OptionalLong.of(100), OptionalDouble.of(0.2), OptionalDouble.of(0.5), OptionalInt.of(3),
                List.of(new Heartbeat.Radio(Optional.of("5"), OptionalInt.of(36), OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.of(0.3), OptionalDouble.empty(), OptionalInt.empty())), Optional.empty(), Optional.of(firmware));
    }
}
