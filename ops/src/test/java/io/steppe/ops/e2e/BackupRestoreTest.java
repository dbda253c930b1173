package io.steppe.ops.e2e;

import static io.steppe.db.schema.Tables.PHONE_IDENTITY;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.bench.sim.AccessRequestSender;
import io.steppe.db.AuditLog;
import io.steppe.ops.Steppe;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.PhoneKey;
import io.steppe.ops.server.SteppeServer;
import io.steppe.portal.sms.PhoneNumber;
import io.steppe.portal.sms.PhoneVault;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Last night's backup onto a new machine: taken with {@code steppe backup} while a gateway keeps accounting, restored
 * with {@code steppe restore} into an empty home, and {@code serve} started on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTest {

    static final String SECRET = "backup-gw-radius-secret";
    static final String PASSPHRASE = "correct horse battery staple";
    static final String PHONE = "+97699114242";
    static final int MOST_ACCOUNTING = 20_000;

    Path dir;
    Path backup;
    final List<String> vouchers = new ArrayList<>();
    /** Session ids in the order the gateway got them acknowledged. */
    final List<String> acknowledged = new CopyOnWriteArrayList<>();
    int acknowledgedBeforeBackup;
    int acknowledgedDuringBackup;
    final List<AuditLog.AuditEntry> audit = new ArrayList<>();
    ExecutorService gateway;

    /** The home a test gives {@code steppe}, always with the embedded database, which is what a backup copies. */
    static Map<String, String> embedded(Path home, String... keysAndValues) {
        Map<String, String> env = new HashMap<>(TestEnvironment.of(home, keysAndValues));
        env.remove("STEPPE_DB_URL");
        env.remove("STEPPE_DB_USER");
        env.remove("STEPPE_DB_PASSWORD");
        return env;
    }

    static Result steppe(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Steppe.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    record Result(int status, String out, String err) {
    }

    @BeforeAll
    void backUpWhileAccountingRuns(@TempDir Path tmp) throws Exception {
        dir = tmp;
        Path home = dir.resolve("old-machine");
        backup = dir.resolve("steppe-nightly.backup");
        Map<String, String> env = embedded(home, "STEPPE_BACKUP_PASSPHRASE", PASSPHRASE);
        gateway = Executors.newSingleThreadExecutor();
        try (SteppeServer server = SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC())) {
            TestGateways.add(server, "backup-gw", "127.0.0.1", SECRET, Optional.empty());
            server.radius().reloadGateways();
            Result issued = steppe(env, "", "voucher", "create", "--count", "3", "--minutes", "60");
            assertEquals(0, issued.status(), issued.err());
            issued.out().lines().filter(l -> !l.isBlank()).forEach(vouchers::add);
            PhoneVault vault = new PhoneVault(PhoneKey.load(home, new SecureRandom()), new SecureRandom());
            server.database().dsl().transaction(tx -> {
                long subscriber = tx.dsl().insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "phone").set(SUBSCRIBER.LANGUAGE, "mn")
                        .returning(SUBSCRIBER.ID).fetchOne().getId();
                tx.dsl().insertInto(PHONE_IDENTITY).set(PHONE_IDENTITY.SUBSCRIBER_ID, subscriber)
                        .set(PHONE_IDENTITY.PHONE_HMAC, vault.fingerprint(PHONE))
                        .set(PHONE_IDENTITY.PHONE_CIPHERTEXT, vault.encrypt(new PhoneNumber(PHONE))).execute();
            });

            AtomicBoolean stop = new AtomicBoolean();
            Future<?> accounting = gateway.submit(() -> account(server.radius().acctPort(), stop));
            while (acknowledged.size() < 20 && !accounting.isDone()) {
                Thread.onSpinWait();
            }
            acknowledgedBeforeBackup = acknowledged.size();
            Result made = steppe(env, "", "backup", "--out", backup.toString());
            acknowledgedDuringBackup = acknowledged.size() - acknowledgedBeforeBackup;
            stop.set(true);
            accounting.get(30, TimeUnit.SECONDS);
            assertEquals(0, made.status(), made.err());
            audit.addAll(AuditLog.recent(server.database().dsl(), 5));
        }
    }

    /** A gateway starting one session after another, each after the last was acknowledged; bounded. */
    void account(int port, AtomicBoolean stop) {
        AccessRequestSender sender = new AccessRequestSender(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SECRET);
        for (int i = 0; i < MOST_ACCOUNTING && !stop.get(); i++) {
            String session = "bk-" + i;
            Optional<Integer> reply = sender.accounting(1, session, "VOUCHER" + i, "AA-BB-CC-00-10-01",
                    new byte[] {10, 1, (byte) (i >> 8), (byte) i}, 0, 0, 0);
            if (reply.equals(Optional.of(5))) {
                acknowledged.add(session);
            }
        }
    }

    @AfterAll
    void stopGateway() {
        if (gateway != null) {
            gateway.shutdownNow();
        }
    }

    @Test
    void theRestoredHomeHasEveryAcknowledgedSessionEveryVoucherAndReadablePhoneNumbers() throws Exception {
        Path fresh = dir.resolve("new-machine");
        Map<String, String> env = embedded(fresh, "STEPPE_BACKUP_PASSPHRASE", PASSPHRASE);
        Result restored = steppe(env, "", "restore", backup.toString());
        assertEquals(0, restored.status(), restored.err());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("keys"))));
        try (Stream<Path> keys = Files.list(fresh.resolve("keys"))) {
            for (Path key : keys.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), key.toString());
            }
        }
        try (SteppeServer server = SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC())) {
            Set<String> back = new HashSet<>(server.database().dsl().select(RADIUS_SESSION_OPEN.SESSION_ID).from(RADIUS_SESSION_OPEN)
                    .fetch(RADIUS_SESSION_OPEN.SESSION_ID));
            // one consistent moment: everything acknowledged up to some session, and nothing after it
            int kept = 0;
            while (kept < acknowledged.size() && back.contains(acknowledged.get(kept))) {
                kept++;
            }
            assertTrue(kept >= acknowledgedBeforeBackup, "kept " + kept + " of the " + acknowledgedBeforeBackup + " acknowledged before the backup");
            assertEquals(Set.copyOf(acknowledged.subList(0, kept)), back, "the sessions back are a prefix of those acknowledged");

            AccessRequestSender login = new AccessRequestSender(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.radius().authPort()),
                    InetAddress.getLoopbackAddress(), SECRET, Duration.ofSeconds(3));
            assertEquals(3, vouchers.size());
            for (String code : vouchers) {
                assertEquals(Optional.of(2), login.pap(code, code.getBytes(StandardCharsets.UTF_8), "AA-BB-CC-00-20-01"), "voucher " + code);
            }

            Path register = dir.resolve("register.csv");
            Result export = steppe(env, "", "subscribers", "export", "--out", register.toString());
            assertEquals(0, export.status(), export.err());
            assertTrue(Files.readString(register).contains(PHONE), "the phone number decrypts with the restored key");
        }
    }

    @Test
    void accountingWentOnWhileTheBackupRanAndTheBackupIsAudited() {
        assertTrue(acknowledgedDuringBackup > 0, "sessions acknowledged while the backup ran");
        AuditLog.AuditEntry entry = audit.stream().filter(e -> e.action().equals("backup.create")).findFirst().orElseThrow();
        assertEquals(backup.getFileName().toString(), entry.subject());
        assertTrue(entry.actor().startsWith("cli:"), entry.actor());
        assertTrue(entry.detailsJson().contains("\"bytes\""), entry.detailsJson());
    }

    @Test
    void aWrongPassphraseIsRefusedAndLeavesTheHomeEmpty() {
        Path fresh = dir.resolve("wrong-passphrase");
        Result refused = steppe(embedded(fresh), "not the passphrase at all\n", "restore", backup.toString());
        assertEquals(Steppe.EXIT_USAGE, refused.status());
        assertEquals("steppe: " + backup + ": wrong passphrase for this backup", refused.err().strip());
        assertFalse(Files.exists(fresh.resolve("keys")));
    }

    @Test
    void aNonEmptyHomeIsRefused() throws Exception {
        Path used = dir.resolve("used");
        Files.createDirectories(used);
        Files.writeString(used.resolve("steppe.conf"), "STEPPE_API_PORT=9081\n");
        Result refused = steppe(embedded(used, "STEPPE_BACKUP_PASSPHRASE", PASSPHRASE), "", "restore", backup.toString());
        assertEquals(Steppe.EXIT_USAGE, refused.status());
        assertEquals("steppe: " + used + " is not empty; restore only into a new, empty STEPPE_HOME", refused.err().strip());
        assertEquals(List.of(used.resolve("steppe.conf")), Files.list(used).toList());
    }

    @Test
    void anAlteredBackupIsRefused() throws Exception {
        Path altered = dir.resolve("altered.backup");
        byte[] octets = Files.readAllBytes(backup);
        octets[octets.length / 2] ^= 1;
        Files.write(altered, octets);
        Path fresh = dir.resolve("altered-home");
        Result refused = steppe(embedded(fresh, "STEPPE_BACKUP_PASSPHRASE", PASSPHRASE), "", "restore", altered.toString());
        assertEquals(Steppe.EXIT_USAGE, refused.status());
        assertTrue(refused.err().contains("damaged or was altered"), refused.err());
        assertTrue(!Files.exists(fresh) || Files.list(fresh).findAny().isEmpty(), "nothing left half-restored");
    }

    @Test
    void versionNamesTheBuild() {
        Result version = steppe(Map.of(), "", "--version");
        assertEquals(0, version.status());
        assertTrue(version.out().strip().matches("steppe \\S+ \\(commit \\S+, built \\S+\\)"), version.out());
        assertFalse(version.out().contains("${"), version.out());
    }
}
