package io.steppe.controller.ap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steppe.db.AuditLog;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.net.MacAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApRepositoryTest {

    @TempDir
    Path home;
    Database db;
    ApRepository aps;
    final Instant now = Instant.parse("2026-11-26T02:00:00Z");

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        aps = new ApRepository(db.dsl(), new SecureRandom(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static AccessPoint ap(String id, String mac) {
        return new AccessPoint(id, MacAddress.parse(mac), "Jining square " + id, Optional.of("jining-centre"),
                Optional.of(new AccessPoint.Location(41.0337, 113.1148)), Optional.empty(), Optional.of("127.0.0.1"));
    }

    @Test
    void registeredApIsListedAndItsTokenIsKeptOnlyHashed() {
        String token = aps.register(ap("jn-01", "AA-BB-CC-00-00-01"), "cli:test");
        assertEquals(List.of(ap("jn-01", "aa:bb:cc:00:00:01")), aps.list());
        assertNotEquals(token, aps.register(ap("jn-02", "aabb.cc00.0002"), "cli:test"), "each AP has its own token");
        byte[] stored = db.dsl().select(io.steppe.db.schema.Tables.ACCESS_POINT.TOKEN_HASH)
                .from(io.steppe.db.schema.Tables.ACCESS_POINT).where(io.steppe.db.schema.Tables.ACCESS_POINT.ID.eq("jn-01")).fetchOne().value1();
        assertArrayEquals(io.steppe.web.Tokens.hash(token), stored);
        assertEquals("ap.add", AuditLog.recent(db.dsl(), 1).get(0).action());
    }

    @Test
    void updatesAreStampedWithTheGivenClock() {
        aps.register(ap("jn-01", "aa:bb:cc:00:00:01"), "cli:test");
        aps.upsert(ap("jn-01", "aa:bb:cc:00:00:01"), "cli:test");
        assertEquals(now, updatedAt("jn-01"), "update");
        aps.register(ap("jn-02", "aa:bb:cc:00:00:02"), "cli:test");
        aps.rotateToken("jn-02", "cli:test");
        assertEquals(now, updatedAt("jn-02"), "new token");
        aps.register(ap("jn-03", "aa:bb:cc:00:00:03"), "cli:test");
        aps.registerWithNewTokens(List.of(ap("jn-03", "aa:bb:cc:00:00:03")), "cli:test");
        assertEquals(now, updatedAt("jn-03"), "new tokens in bulk");
    }

    private Instant updatedAt(String id) {
        return db.dsl().select(io.steppe.db.schema.Tables.ACCESS_POINT.UPDATED_AT).from(io.steppe.db.schema.Tables.ACCESS_POINT)
                .where(io.steppe.db.schema.Tables.ACCESS_POINT.ID.eq(id)).fetchOne().value1().toInstant();
    }

    @Test
    void duplicatesAndUnknownGatewaysAreRefusedByName() {
        aps.register(ap("jn-01", "aa:bb:cc:00:00:01"), "cli:test");
        assertEquals("an AP with id 'jn-01' is already registered",
                assertThrows(IllegalArgumentException.class, () -> aps.register(ap("jn-01", "aa:bb:cc:00:00:02"), "t")).getMessage());
        assertEquals("MAC aa:bb:cc:00:00:01 is already registered to another AP",
                assertThrows(IllegalArgumentException.class, () -> aps.register(ap("jn-02", "aa:bb:cc:00:00:01"), "t")).getMessage());
        AccessPoint orphan = new AccessPoint("jn-03", MacAddress.parse("aa:bb:cc:00:00:03"), "x", Optional.empty(),
                Optional.empty(), Optional.of("no-such-gw"), Optional.empty());
        assertEquals("no gateway named 'no-such-gw'",
                assertThrows(IllegalArgumentException.class, () -> aps.register(orphan, "t")).getMessage());
        assertEquals(1, aps.list().size());
    }
}
