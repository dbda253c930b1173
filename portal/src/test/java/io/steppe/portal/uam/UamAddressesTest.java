package io.steppe.portal.uam;

import static io.steppe.db.schema.Tables.AUDIT_LOG;
import static io.steppe.db.schema.Tables.NAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jooq.postgres.extensions.types.Cidr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UamAddressesTest {

    @TempDir
    Path home;
    Database db;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.freshMigrated(home);
        db.dsl().insertInto(NAS).set(NAS.NAME, "village-gw").set(NAS.ADDRESS, Cidr.valueOf(InetAddress.getByName("10.30.0.1"), 32))
                .set(NAS.SECRET, "radius-secret").execute();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void addressesAreReplacedAuditedAndListed() throws Exception {
        UamAddresses addresses = new UamAddresses(db.dsl());
        assertEquals(Map.of("village-gw", List.of()), addresses.all());
        assertTrue(addresses.set("village-gw", List.of(InetAddress.getByName("10.1.0.1"), InetAddress.getByName("10.1.0.1"),
                InetAddress.getByName("10.2.0.1")), "admin"));
        assertEquals(Map.of("village-gw", List.of("10.1.0.1", "10.2.0.1")), addresses.all());
        assertFalse(addresses.set("nobody", List.of(), "admin"));
        assertEquals(1, db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("nas.uam_addresses").and(AUDIT_LOG.ACTOR.eq("admin"))));
    }
}
