package io.steppe.portal.ac;

import static io.steppe.db.schema.Tables.NAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import org.jooq.postgres.extensions.types.Cidr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessControllersTest {

    @TempDir
    Path home;
    Database db;
    AccessControllers controllers;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"));

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        controllers = new AccessControllers(db.dsl(), TestKeys.fixed());
    }

    @AfterEach
    void close() {
        db.close();
    }

    void gateway(String name, String address) throws Exception {
        db.dsl().insertInto(NAS).set(NAS.NAME, name).set(NAS.ADDRESS, Cidr.valueOf(InetAddress.getByName(address), 32))
                .set(NAS.SECRET, "radius-secret").execute();
    }

    @Test
    void anAcIsFoundByNameAndAddressWithItsSecretSealed() throws Exception {
        gateway("hw-ac", "10.40.0.1");
        assertFalse(controllers.named("hw-ac").isPresent(), "a gateway is no AC until registered as one");
        assertTrue(controllers.register("hw-ac", PortalProtocol.HUAWEI_V2, "portal-key", InetAddress.getByName("10.40.0.1"), 2000, "test"));
        AccessController ac = controllers.named("hw-ac").orElseThrow();
        assertEquals(new InetSocketAddress("10.40.0.1", 2000), ac.portal());
        assertEquals("portal-key", ac.secret());
        assertEquals("hw-ac", controllers.at(InetAddress.getByName("10.40.0.1")).orElseThrow().name());
        byte[] stored = db.dsl().select(NAS.PORTAL_SECRET_SEALED).from(NAS).where(NAS.NAME.eq("hw-ac")).fetchOne().value1();
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("portal-key"), "sealed, not in clear");
        assertFalse(ac.toString().contains("portal-key"));
    }

    @Test
    void twoAcsCannotShareAnAddress() throws Exception {
        gateway("ac-1", "10.40.0.1");
        gateway("ac-2", "10.40.0.2");
        controllers.register("ac-1", PortalProtocol.CMCC_V1, "k", InetAddress.getByName("10.40.0.9"), 2000, "test");
        assertThrows(IllegalArgumentException.class,
                () -> controllers.register("ac-2", PortalProtocol.CMCC_V1, "k", InetAddress.getByName("10.40.0.9"), 2000, "test"));
        assertFalse(controllers.register("no-such-gateway", PortalProtocol.CMCC_V1, "k", InetAddress.getByName("10.40.0.3"), 2000, "test"));
    }

    @Test
    void thePortalsDirectoryFollowsAChangeWithinASecond() throws Exception {
        AccessControllerDirectory directory = new AccessControllerDirectory(controllers, clock);
        gateway("hw-ac", "10.40.0.1");
        assertTrue(directory.named("hw-ac").isEmpty());
        controllers.register("hw-ac", PortalProtocol.HUAWEI_V2, "portal-key", InetAddress.getByName("10.40.0.1"), 2000, "test");
        assertTrue(directory.named("hw-ac").isEmpty(), "a refusal is remembered for the second too");
        clock.advance(AccessControllerDirectory.FRESH_FOR);
        assertEquals(2000, directory.named("hw-ac").orElseThrow().portal().getPort());
        db.dsl().deleteFrom(NAS).where(NAS.NAME.eq("hw-ac")).execute();
        assertTrue(directory.named("hw-ac").isPresent(), "remembered within the second");
        clock.advance(AccessControllerDirectory.FRESH_FOR);
        assertTrue(directory.named("hw-ac").isEmpty(), "a removed AC is refused once the second is over");
    }
}
