package io.steppe.db;

import static io.steppe.db.schema.Tables.NAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path home;

    @Test
    void openMigratesToTheNewestSchema() {
        try (Database db = TestDatabases.freshMigrated(home)) {
            assertTrue(db.isUp(Duration.ofSeconds(2)));
            assertEquals(0, db.dsl().fetchCount(NAS));
        }
    }

    @Test
    void auditEntriesAreListedNewestFirst() {
        try (Database db = TestDatabases.freshMigrated(home)) {
            AuditLog.record(db.dsl(), "cli:root", "nas.add", "gw-1", Map.of("address", "10.0.0.1/32"));
            AuditLog.record(db.dsl(), "admin", "user.remove", "alice", Map.of());
            List<AuditLog.AuditEntry> entries = AuditLog.recent(db.dsl(), 10);
            assertEquals(List.of("user.remove", "nas.add"), entries.stream().map(AuditLog.AuditEntry::action).toList());
            assertTrue(entries.get(1).detailsJson().contains("10.0.0.1/32"));
        }
    }

    @Test
    void unreachableServerIsOneLineNamingTheUrlWithoutItsPassword() {
        DatabaseConfig config = new DatabaseConfig(Optional.of("jdbc:postgresql://127.0.0.1:1/steppe?password=hunter2"),
                Optional.of("steppe"), Optional.of("hunter2"), home, 1, true);
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class, () -> Database.open(config));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void configNeverShowsThePassword() {
        DatabaseConfig config = DatabaseConfig.external("jdbc:postgresql://db/steppe?password=hunter2", "steppe", "hunter2", home);
        assertFalse(config.toString().contains("hunter2"), config.toString());
    }

    @Test
    void embeddedDatabaseKeepsItsDataAcrossRestarts() {
        DatabaseConfig config = DatabaseConfig.embedded(home).withDurable(false).withPoolSize(2);
        try (Database db = Database.open(config)) {
            assertTrue(db.ownsEmbeddedServer());
            AuditLog.record(db.dsl(), "cli:test", "user.add", "alice", Map.of());
        }
        try (Database db = Database.open(config)) {
            assertEquals("alice", AuditLog.recent(db.dsl(), 1).get(0).subject());
        }
    }
}
