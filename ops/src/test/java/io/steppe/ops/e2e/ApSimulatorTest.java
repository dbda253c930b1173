package io.steppe.ops.e2e;

import static io.steppe.db.schema.Tables.AP_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.net.MacAddress;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.SteppeServer;
import io.steppe.bench.sim.ApSimulator;
import io.steppe.bench.sim.SimulatedAp;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AP simulator behind {@code steppe demo} and {@code steppe bench aps}, against the real server: nothing it is told was taken is missing. */
class ApSimulatorTest {

    @Test
    void everyAcknowledgedHeartbeatIsInTheDatabase(@TempDir Path home) throws Exception {
        try (SteppeServer server = SteppeServer.start(SteppeConfig.load(TestEnvironment.of(home)), Clock.systemUTC())) {
            List<AccessPoint> aps = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                aps.add(new AccessPoint("sim-" + i, MacAddress.parse(String.format("02:51:00:00:00:%02x", i)), "Simulated " + i,
                        Optional.of("sim-site"), Optional.empty(), Optional.empty(), Optional.empty()));
            }
            Map<String, String> tokens = new ApRepository(server.database().dsl(), new SecureRandom(), java.time.Clock.systemUTC()).registerWithNewTokens(aps, "test");
            List<SimulatedAp> simulated = aps.stream().map(a -> new SimulatedAp(a.id(), tokens.get(a.id()), SimulatedAp.Behaviour.HEALTHY)).toList();
            ApSimulator sim = new ApSimulator(URI.create("http://127.0.0.1:" + server.listeners().apiPort() + "/"), simulated,
                    Duration.ofSeconds(1), Duration.ofHours(1), 4, Clock.systemUTC(), nanos -> { });
            try (sim) {
                sim.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (sim.accepted() < 30 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                sim.stop(Duration.ofSeconds(10));
            }
            assertTrue(sim.accepted() >= 30, "accepted " + sim.accepted());
            assertEquals(0, sim.refused() + sim.failed());
            assertEquals(sim.accepted(), server.database().dsl().fetchCount(AP_SAMPLE));
            assertEquals(10, sim.lastAccepted().size(), "every AP reported");
            assertTrue(sim.toString().length() > 0);
            assertTrue(simulated.get(0).toString().contains("token=***"), "the token is never shown");
        }
    }
}
