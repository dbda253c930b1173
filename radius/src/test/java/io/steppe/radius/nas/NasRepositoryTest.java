package io.steppe.radius.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.steppe.db.schema.Tables.NAS;

import io.steppe.db.AuditLog;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.SecretKeys;
import io.steppe.db.keys.TestKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.jooq.postgres.extensions.types.Cidr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NasRepositoryTest {

    @TempDir
    Path home;
    Database db;
    NasRepository repository;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        repository = new NasRepository(db.dsl(), TestKeys.fixed());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void addedGatewayIsListedWithItsSettingsAndAudited() {
        Nas gw = new Nas("jining-gw1", NasAddress.parse("10.20.0.0/16"), "s3cret-s3cret", Optional.of("uam-pass"), 1700,
                MessageAuthenticatorPolicy.YES, MessageAuthenticatorPolicy.AUTO);
        repository.add(gw, "cli:test");
        assertEquals(List.of(gw), repository.list());
        AuditLog.AuditEntry entry = AuditLog.recent(db.dsl(), 1).get(0);
        assertEquals("nas.add", entry.action());
        assertEquals("jining-gw1", entry.subject());
        assertFalse(entry.detailsJson().contains("s3cret"), "the audit log never holds a secret");
    }

    @Test
    void secretsAreStoredSealedAndOldClearOnesAreSealedAtStart() throws Exception {
        repository.add(new Nas("gw-new", NasAddress.parse("10.0.0.1"), "radius-s3cret-new", Optional.of("uam-s3cret-new"), 3799,
                MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO), "cli:test");
        // a gateway as a version before sealing stored it
        db.dsl().insertInto(NAS).set(NAS.NAME, "gw-old").set(NAS.ADDRESS, Cidr.valueOf(java.net.InetAddress.getByName("10.0.0.2"), 32))
                .set(NAS.SECRET, "radius-s3cret-old").set(NAS.UAM_SECRET, "uam-s3cret-old").execute();
        assertEquals(1, repository.sealClearSecrets());
        assertEquals(0, repository.sealClearSecrets(), "nothing left in clear");

        String everything = db.dsl().selectFrom(NAS).fetch().formatCSV();
        assertFalse(everything.contains("s3cret"), "no secret readable in the table: " + everything);
        assertEquals("radius-s3cret-old", repository.find("gw-old").orElseThrow().secret());
        assertEquals(Optional.of("uam-s3cret-old"), repository.find("gw-old").orElseThrow().uamSecret());
        assertEquals("radius-s3cret-new", repository.find("gw-new").orElseThrow().secret());
        byte[] other = new byte[32];
        assertThrows(IllegalArgumentException.class,
                () -> new NasRepository(db.dsl(), new SecretKeys(other, new SecureRandom())).list(),
                "without the key in $STEPPE_HOME/keys the secrets cannot be read");
    }

    @Test
    void duplicateNameOrAddressIsRefusedAndNamed() {
        repository.add(Nas.of("gw1", NasAddress.parse("10.0.0.1"), "secret-one"), "cli:test");
        assertEquals("a gateway named 'gw1' is already registered", assertThrows(IllegalArgumentException.class,
                () -> repository.add(Nas.of("gw1", NasAddress.parse("10.0.0.2"), "secret-two"), "cli:test")).getMessage());
        assertEquals("address 10.0.0.1 is already registered to another gateway", assertThrows(IllegalArgumentException.class,
                () -> repository.add(Nas.of("gw2", NasAddress.parse("10.0.0.1"), "secret-two"), "cli:test")).getMessage());
        assertEquals(1, repository.list().size());
    }

    @Test
    void removeDeletesOnlyThatGateway() {
        repository.add(Nas.of("gw1", NasAddress.parse("10.0.0.1"), "secret-one"), "cli:test");
        repository.add(Nas.of("gw2", NasAddress.parse("::1"), "secret-two"), "cli:test");
        assertTrue(repository.remove("gw1", "cli:test"));
        assertFalse(repository.remove("gw1", "cli:test"));
        assertEquals(List.of("gw2"), repository.list().stream().map(Nas::name).toList());
        assertEquals("nas.remove", AuditLog.recent(db.dsl(), 1).get(0).action());
    }

    @Test
    void toStringNeverShowsSecrets() {
        Nas gw = new Nas("gw1", NasAddress.parse("10.0.0.1"), "topsecret", Optional.of("uamsecret"), 3799,
                MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO);
        assertFalse(gw.toString().contains("topsecret"));
        assertFalse(gw.toString().contains("uamsecret"));
    }

    @Test
    void invalidGatewaysAreRefusedBeforeTheDatabase() {
        assertThrows(IllegalArgumentException.class, () -> Nas.of("bad name", NasAddress.parse("10.0.0.1"), "secret"));
        assertThrows(IllegalArgumentException.class, () -> Nas.of("gw", NasAddress.parse("10.0.0.1"), ""));
        assertThrows(IllegalArgumentException.class, () -> Nas.of("gw", NasAddress.parse("10.0.0.1"), "has space"));
    }
}
