package io.steppe.portal.uam;

import static io.steppe.db.schema.Tables.NAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.postgres.extensions.types.Cidr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayDirectoryTest {

    @TempDir
    Path home;
    Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
    GatewayDirectory gateways;
    final InetAddress somewhere = InetAddress.getLoopbackAddress();

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        gateways = new GatewayDirectory(db.dsl(), TestKeys.fixed(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    void add(String name, String address, String uamSecret) {
        db.dsl().insertInto(NAS).set(NAS.NAME, name).set(NAS.ADDRESS, Cidr.valueOf(address(address), 32))
                .set(NAS.SECRET, "radius-secret").set(NAS.UAM_SECRET, uamSecret).execute();
    }

    @Test
    void aGatewayAddedWhileThePortalRunsIsFoundOnItsFirstRedirect() {
        assertTrue(gateways.find(Optional.of("square-gw"), somewhere).isEmpty());
        add("square-gw", "10.20.0.1", "uam-1");
        assertEquals("square-gw", gateways.find(Optional.of("square-gw"), somewhere).orElseThrow().name());
        assertEquals("square-gw", gateways.find(Optional.empty(), address("10.20.0.1")).orElseThrow().name(), "by its address too");
    }

    @Test
    void aChangedOrRemovedGatewayIsSeenWithinTheFreshnessTime() {
        add("square-gw", "10.20.0.1", "uam-1");
        assertEquals(Optional.of("uam-1"), gateways.find(Optional.of("square-gw"), somewhere).orElseThrow().uamSecret());
        db.dsl().update(NAS).set(NAS.UAM_SECRET, "uam-2").where(NAS.NAME.eq("square-gw")).execute();
        clock.advance(GatewayDirectory.FRESH_FOR.minusSeconds(1));
        assertEquals(Optional.of("uam-1"), gateways.find(Optional.of("square-gw"), somewhere).orElseThrow().uamSecret(),
                "remembered for a few seconds");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of("uam-2"), gateways.find(Optional.of("square-gw"), somewhere).orElseThrow().uamSecret());
        db.dsl().deleteFrom(NAS).where(NAS.NAME.eq("square-gw")).execute();
        clock.advance(GatewayDirectory.FRESH_FOR);
        assertTrue(gateways.find(Optional.of("square-gw"), somewhere).isEmpty());
    }

    @Test
    void aGatewayComesWithItsUamAddressesAndRange() {
        add("village-gw", "10.30.0.1", null);
        new UamAddresses(db.dsl()).set("village-gw", java.util.List.of(address("10.1.0.1"), address("fd00::1")), "test");
        Gateway village = gateways.find(Optional.of("village-gw"), somewhere).orElseThrow();
        assertEquals(java.util.Set.of(address("10.1.0.1"), address("fd00::1")), village.uamAddresses());
        assertTrue(village.range().contains(address("10.30.0.1")));
        assertTrue(!village.range().contains(address("10.30.0.2")));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
