package io.steppe.radius.nas;

import static io.steppe.db.schema.Tables.NAS_HEARD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySightingsTest {

    @Test
    void theLatestSightingOfAnyNodeWinsAndARemovedGatewayFailsNothing(@TempDir Path home) {
        try (Database db = TestDatabases.freshMigrated(home)) {
            NasRepository gateways = new NasRepository(db.dsl(), TestKeys.fixed());
            gateways.add(Nas.of("jining-gw1", NasAddress.parse("10.20.0.1"), "s3cret-s3cret"), "test");
            gateways.add(Nas.of("jining-gw2", NasAddress.parse("10.20.0.2"), "s3cret-s3cret"), "test");
            long one = id(gateways, "jining-gw1");
            long two = id(gateways, "jining-gw2");
            MutableClock clock = new MutableClock(Instant.parse("2026-12-06T04:00:00Z"));
            GatewaySightings nodeA = new GatewaySightings(db.dsl(), clock);
            GatewaySightings nodeB = new GatewaySightings(db.dsl(), clock);

            nodeA.heard(one);
            clock.advance(Duration.ofSeconds(30));
            nodeB.heard(one);
            nodeB.heard(two);
            nodeB.flush();
            nodeA.flush();
            assertEquals(Optional.of(Instant.parse("2026-12-06T04:00:30Z")), lastHeard(db, one), "an older sighting flushed later does not win");

            nodeA.heard(two);
            gateways.remove("jining-gw2", "test");
            nodeA.heard(one);
            nodeA.flush();
            assertEquals(Optional.of(Instant.parse("2026-12-06T04:00:30Z")), lastHeard(db, one));
            assertEquals(Optional.empty(), lastHeard(db, two), "a removed gateway's row went with it, and its sighting failed nothing");
        }
    }

    private static long id(NasRepository gateways, String name) {
        return gateways.listRegistered().stream().filter(r -> r.nas().name().equals(name)).findFirst().orElseThrow().id();
    }

    private static Optional<Instant> lastHeard(Database db, long nasId) {
        return db.dsl().select(NAS_HEARD.LAST_REQUEST_AT).from(NAS_HEARD).where(NAS_HEARD.NAS_ID.eq(nasId))
                .fetchOptional(r -> r.value1().withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }
}
