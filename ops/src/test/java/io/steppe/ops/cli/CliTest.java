package io.steppe.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.TestDatabases;
import io.steppe.ops.Steppe;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command's happy path and its answer to bad input, as a person at a terminal sees them. */
class CliTest {

    @TempDir
    Path home;
    Map<String, String> env;

    record Result(int status, String out, String err) {
    }

    @BeforeEach
    void environment() {
        env = new HashMap<>();
        env.put("STEPPE_HOME", home.toString());
        if (TestDatabases.external()) {
            TestDatabases.Location db = TestDatabases.fresh();
            env.put("STEPPE_DB_URL", db.url());
            db.user().ifPresent(u -> env.put("STEPPE_DB_USER", u));
            db.password().ifPresent(p -> env.put("STEPPE_DB_PASSWORD", p));
        }
    }

    Result steppeWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Steppe.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    Result steppe(String... args) {
        return steppeWithInput("", args);
    }

    static void assertOneLineError(Result result, String expected) {
        assertEquals(2, result.status(), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains(expected), result.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"--help"}, {"serve", "--help"}, {"demo", "--help"}, {"ap", "import", "--help"}, {"bench", "aps", "--help"}, {"nas", "--help"},
                {"nas", "add", "--help"}, {"nas", "list", "--help"}, {"nas", "remove", "--help"}, {"user", "--help"},
                {"user", "add", "--help"}, {"user", "list", "--help"}, {"user", "remove", "--help"},
                {"ap", "--help"}, {"ap", "add", "--help"}, {"voucher", "--help"}, {"voucher", "create", "--help"},
                {"bench", "--help"}, {"bench", "radius", "--help"}, {"subscribers", "--help"}, {"subscribers", "export", "--help"},
                {"bench", "portal", "--help"}, {"bench", "ac", "--help"}, {"compliance", "--help"}, {"compliance", "export", "--help"}, {"coverage", "--help"}, {"coverage", "import", "--help"},
                {"coverage", "gaps", "--help"}, {"coverage", "rebuild", "--help"}, {"coverage", "changes", "--help"}, {"places", "--help"}, {"places", "import", "--help"},
                {"bench", "coverage", "--help"}}) {
            Result result = steppe(command);
            assertEquals(0, result.status(), String.join(" ", command));
            assertTrue(result.out().startsWith("Usage: steppe"), String.join(" ", command) + ": " + result.out());
        }
    }

    @Test
    void serveRefusesToStartWithARetentionUnderSixtyDays() {
        env.put("STEPPE_RETENTION_DAYS", "30");
        assertOneLineError(steppe("serve"), "STEPPE_RETENTION_DAYS must be a whole number of days from 60");
    }

    @Test
    void nasAddListRemove() {
        Result added = steppe("nas", "add", "--name", "jining-gw1", "--ip", "10.20.0.0/16", "--secret", "a-long-shared-secret",
                "--uam-secret", "uam-secret-1", "--coa-port", "3799");
        assertEquals(0, added.status(), added.err());
        assertEquals("gateway jining-gw1 registered for 10.20.0.0/16", added.out().strip());

        Result listed = steppe("nas", "list");
        assertEquals(0, listed.status());
        assertTrue(listed.out().contains("jining-gw1") && listed.out().contains("10.20.0.0/16"), listed.out());
        assertFalse(listed.out().contains("a-long-shared-secret"), "secrets are never listed");

        assertEquals(0, steppe("nas", "remove", "jining-gw1").status());
        assertFalse(steppe("nas", "list").out().contains("jining-gw1"));

        Result village = steppe("nas", "add", "--name", "village-gw", "--ip", "10.30.0.1", "--secret", "a-long-shared-secret",
                "--uam-address", "10.1.0.1", "--uam-address", "10.2.0.1,fd00::1");
        assertEquals(0, village.status(), village.err());
        assertTrue(steppe("nas", "list").out().lines().anyMatch(l -> l.startsWith("village-gw") && l.contains(" 10.1.0.1,10.2.0.1,fd00:0:0:0:0:0:0:1 ")),
                steppe("nas", "list").out());
        Result bare = steppe("nas", "add", "--name", "bare-gw", "--ip", "10.30.0.2", "--secret", "a-long-shared-secret");
        assertTrue(bare.err().contains("the portal refuses this gateway's redirects"), bare.err());

        Result ac = steppe("nas", "add", "--name", "jining-ac1", "--ip", "10.40.0.1", "--secret", "a-long-shared-secret",
                "--portal-protocol", "huawei-v2", "--portal-secret", "portal-key-1");
        assertEquals(0, ac.status(), ac.err());
        assertEquals("gateway jining-ac1 registered for 10.40.0.1, Portal protocol huawei-v2 at 10.40.0.1:2000", ac.out().strip());
        assertTrue(steppe("nas", "list").out().lines().anyMatch(l -> l.startsWith("jining-ac1") && l.endsWith(" huawei   huawei-v2 10.40.0.1:2000")),
                steppe("nas", "list").out());
        assertFalse(steppe("nas", "list").out().contains("portal-key-1"), "secrets are never listed");
        Result h3c = steppe("nas", "add", "--name", "h3c-ac", "--ip", "10.41.0.0/24", "--secret", "a-long-shared-secret",
                "--portal-protocol", "cmcc-v1", "--portal-secret", "portal-key-2", "--portal-address", "10.41.0.1", "--portal-port", "2001",
                "--vendor", "h3c");
        assertEquals(0, h3c.status(), h3c.err());
        assertTrue(h3c.out().contains("Portal protocol cmcc-v1 at 10.41.0.1:2001"), h3c.out());
        assertTrue(steppe("nas", "list").out().lines().anyMatch(l -> l.startsWith("h3c-ac") && l.endsWith(" h3c      cmcc-v1 10.41.0.1:2001")),
                steppe("nas", "list").out());
    }

    @Test
    void anAcsRegistrationNamesWhatIsMissingOrWrong() {
        assertOneLineError(steppe("nas", "add", "--name", "ac", "--ip", "10.50.0.1", "--secret", "a-long-shared-secret",
                "--portal-protocol", "huawei-v3", "--portal-secret", "k"), "--portal-protocol: portal protocol 'huawei-v3' is not one of"
                + " huawei-v1, huawei-v2, cmcc-v1, cmcc-v2");
        assertOneLineError(steppe("nas", "add", "--name", "ac", "--ip", "10.50.0.1", "--secret", "a-long-shared-secret",
                "--portal-protocol", "huawei-v2"), "--portal-protocol needs --portal-secret, the key configured on the AC");
        assertOneLineError(steppe("nas", "add", "--name", "ac", "--ip", "10.50.0.1", "--secret", "a-long-shared-secret",
                "--vendor", "cisco"), "--vendor: vendor 'cisco' is not one of generic, huawei, h3c, ruijie");
        assertOneLineError(steppe("nas", "add", "--name", "ac", "--ip", "10.50.0.0/24", "--secret", "a-long-shared-secret",
                "--portal-protocol", "huawei-v2", "--portal-secret", "k"), "--ip 10.50.0.0/24 is a range: give the AC's own address with --portal-address");
        assertEquals(0, steppe("nas", "add", "--name", "ac1", "--ip", "10.50.0.1", "--secret", "a-long-shared-secret",
                "--portal-protocol", "huawei-v2", "--portal-secret", "k").status());
        assertOneLineError(steppe("nas", "add", "--name", "ac2", "--ip", "10.50.0.2", "--secret", "a-long-shared-secret",
                "--portal-protocol", "cmcc-v2", "--portal-secret", "k", "--portal-address", "10.50.0.1"),
                "another AC is registered at portal address 10.50.0.1");
        assertFalse(steppe("nas", "list").out().contains("ac2"), "nothing of a refused registration is kept");
    }

    @Test
    void nasBadInputIsOneLineNamingTheProblem() {
        assertOneLineError(steppe("nas", "add", "--name", "gw", "--ip", "gw.example.org", "--secret", "s3cret-s3cret"),
                "'gw.example.org' is not an IP address or CIDR range");
        assertOneLineError(steppe("nas", "add", "--name", "gw", "--ip", "10.0.0.1"), "Missing required option: '--secret");
        assertOneLineError(steppe("nas", "add", "--name", "gw", "--ip", "10.0.0.1", "--secret", "s3cret-s3cret", "--uam-address", "evil.example"),
                "--uam-address must be an IP address, was 'evil.example'");
        assertOneLineError(steppe("nas", "add", "--name", "gw", "--ip", "10.0.0.1", "--secret", "s3cret-s3cret", "--coa-port", "70000"),
                "CoA port 70000 is outside 1..65535");
        assertOneLineError(steppe("nas", "add", "--name", "gw", "--ip", "10.0.0.1", "--secret", "s3cret-s3cret", "--coa-port", "x"),
                "'x' is not an int");
        assertOneLineError(steppe("nas", "add", "--name", "gw", "--ip", "10.0.0.1", "--secret", "s3cret-s3cret",
                "--require-message-authenticator", "maybe"), "'maybe' is not one of yes, no, auto");
        assertOneLineError(steppe("nas", "remove", "nope"), "no gateway named 'nope'");
        assertEquals(0, steppe("nas", "add", "--name", "gw", "--ip", "10.0.0.1", "--secret", "s3cret-s3cret-s3cret").status());
        assertOneLineError(steppe("nas", "add", "--name", "gw", "--ip", "10.0.0.2", "--secret", "s3cret-s3cret-s3cret"),
                "a gateway named 'gw' is already registered");
    }

    @Test
    void userAddWithPasswordFromStandardInputThenListAndRemove() {
        Result added = steppeWithInput("a-good-long-password\n", "user", "add", "--name", "bataa", "--role", "planner");
        assertEquals(0, added.status(), added.err());
        assertEquals("console account bataa (planner) created", added.out().strip());
        Result listed = steppe("user", "list");
        assertTrue(listed.out().contains("bataa") && listed.out().contains("planner"), listed.out());
        assertEquals(0, steppe("user", "remove", "bataa").status());
        assertFalse(steppe("user", "list").out().contains("bataa"));
    }

    @Test
    void userBadInputIsOneLineNamingTheProblem() {
        assertOneLineError(steppe("user", "add", "--name", "x", "--role", "boss", "--password", "long-enough-pw"),
                "role 'boss' is not one of operator, planner, admin");
        assertOneLineError(steppe("user", "add", "--name", "Bad Name", "--role", "admin", "--password", "long-enough-pw"),
                "user name 'Bad Name' must be");
        assertOneLineError(steppeWithInput("short\n", "user", "add", "--name", "x", "--role", "admin"), "password must have at least 10 characters");
        assertOneLineError(steppe("user", "remove", "ghost"), "no console account named 'ghost'");
        assertEquals(0, steppe("user", "add", "--name", "x", "--role", "admin", "--password", "long-enough-pw").status());
        assertOneLineError(steppe("user", "add", "--name", "x", "--role", "admin", "--password", "long-enough-pw"),
                "a console account named 'x' already exists");
    }

    @Test
    void apAddPrintsTheTokenOnceAndRefusesBadInputByName() {
        assertEquals(0, steppe("nas", "add", "--name", "jining-gw", "--ip", "10.1.0.0/16", "--secret", "s3cret-s3cret-s3cret").status());
        Result added = steppe("ap", "add", "--id", "jn-01", "--mac", "AA-BB-CC-00-00-01", "--name", "Square",
                "--site", "jining-centre", "--lat", "41.03", "--lon", "113.13", "--gateway", "jining-gw", "--mgmt-ip", "10.1.2.3");
        assertEquals(0, added.status(), added.err());
        assertTrue(added.out().matches("AP jn-01 registered; heartbeat token \\(shown once\\): [A-Za-z0-9_-]{43}\\s*"), added.out());
        assertOneLineError(steppe("ap", "add", "--id", "jn-02", "--mac", "AA-BB-CC", "--name", "x"), "'AA-BB-CC' is not a MAC address");
        assertOneLineError(steppe("ap", "add", "--id", "jn-02", "--mac", "aa:bb:cc:00:00:02", "--name", "x", "--lat", "95", "--lon", "1"),
                "latitude 95.0 is outside -90..90");
        assertOneLineError(steppe("ap", "add", "--id", "jn-02", "--mac", "aa:bb:cc:00:00:02", "--name", "x", "--lat", "41"),
                "--lat and --lon go together");
        assertOneLineError(steppe("ap", "add", "--id", "jn-01", "--mac", "aa:bb:cc:00:00:09", "--name", "x"),
                "an AP with id 'jn-01' is already registered");
    }

    @Test
    void apImportKeepsGoodRowsReportsBadOnesByLineAndUpdatesOnASecondRun() throws Exception {
        java.nio.file.Path csv = home.resolve("aps.csv");
        java.nio.file.Files.writeString(csv, """
                id,mac,name,site,lat,lon
                jn-01,AA-BB-CC-00-00-01,Square north,jining-centre,41.03,113.13
                jn-02,nonsense,Square south,jining-centre,41.03,113.13
                """);
        Result first = steppe("ap", "import", csv.toString());
        assertEquals(2, first.status(), first.err());
        assertTrue(first.out().contains("AP jn-01 registered; heartbeat token (shown once): "), first.out());
        assertTrue(first.out().contains("1 added, 0 updated, 1 rejected"), first.out());
        assertEquals("steppe ap import: aps.csv line 3: 'nonsense' is not a MAC address", first.err().strip());
        java.nio.file.Files.writeString(csv, "id,mac,name\njn-01,aa:bb:cc:00:00:01,Square north gate\n");
        Result second = steppe("ap", "import", csv.toString());
        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().contains("0 added, 1 updated, 0 rejected"), second.out());
        assertOneLineError(steppe("ap", "import", home.resolve("missing.csv").toString()), "cannot read");
    }

    @Test
    void voucherCreatePrintsOneReadableCodeALine() {
        Result created = steppe("voucher", "create", "--count", "5", "--minutes", "90", "--valid-days", "7");
        assertEquals(0, created.status(), created.err());
        java.util.List<String> codes = created.out().strip().lines().toList();
        assertEquals(5, codes.size());
        assertTrue(codes.stream().allMatch(c -> c.matches("[ACDEFGHJKLMNPQRTUVWXY34679]{10}")), codes.toString());
        assertEquals(5, codes.stream().distinct().count());
        assertOneLineError(steppe("voucher", "create", "--count", "0", "--minutes", "90"), "count must be 1..10000, was 0");
        assertOneLineError(steppe("voucher", "create", "--count", "1", "--minutes", "-5"), "minutes must be 1..525600");
        assertOneLineError(steppe("voucher", "create", "--count", "1"), "Missing required option: '--minutes");
    }

    @Test
    void subscriberExportIsTheOneWayNumbersLeaveInClear() throws Exception {
        try (io.steppe.db.Database db = io.steppe.db.Database.open(io.steppe.ops.SteppeConfig.load(env).database().withPoolSize(2))) {
            java.security.SecureRandom random = new java.security.SecureRandom();
            io.steppe.portal.sms.OutboxSmsSender outbox = new io.steppe.portal.sms.OutboxSmsSender(java.time.Clock.systemUTC());
            io.steppe.portal.sms.SmsLogin sms = new io.steppe.portal.sms.SmsLogin(db.dsl(), java.time.Clock.systemUTC(), random,
                    new io.steppe.portal.sms.PhoneVault(io.steppe.ops.server.PhoneKey.load(home, random), random),
                    new io.steppe.portal.login.CredentialIssuer(db.dsl(), io.steppe.ops.server.SecretKeysFile.load(home),
                            java.time.Clock.systemUTC(), random), outbox);
            io.steppe.portal.sms.PhoneNumber tourist = new io.steppe.portal.sms.PhoneNumber("+97699112233");
            io.steppe.db.net.MacAddress device = io.steppe.db.net.MacAddress.parse("aa:bb:cc:00:00:01");
            sms.requestCode(tourist, device, "gw", java.util.Optional.empty(), "{code}");
            sms.check(tourist, outbox.outbox().get(0).text(), device, "mn");
        }
        Path out = home.resolve("register.csv");
        Result exported = steppe("subscribers", "export", "--out", out.toString());
        assertEquals(0, exported.status(), exported.err());
        String csv = java.nio.file.Files.readString(out);
        assertTrue(csv.startsWith("subscriber_id,phone,first_seen,language\n") && csv.contains(",+97699112233,") && csv.contains(",mn"), csv);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(out)));
        assertOneLineError(steppe("subscribers", "export", "--out", out.toString()), "already exists; the export never overwrites a file");
    }

    @Test
    void portalBenchRefusesBadBoundsAndAnyTargetOffLoopback() {
        assertOneLineError(steppe("bench", "portal", "--nasid", "gw", "--api-token", "t", "--concurrency", "0"), "--concurrency must be 1 to 256, was 0");
        assertOneLineError(steppe("bench", "portal", "--nasid", "gw", "--api-token", "t", "--duration", "601"), "--duration must be 1 to 600 seconds, was 601");
        assertOneLineError(steppe("bench", "portal", "--nasid", "gw", "--api-token", "t", "--portal", "10.0.0.1:8080"), "is not a loopback address");
    }

    @Test
    void apBenchRefusesBadBoundsAndAnyTargetOffLoopback() {
        assertOneLineError(steppe("bench", "aps", "--count", "0"), "--count must be 1 to 100000, was 0");
        assertOneLineError(steppe("bench", "aps", "--duration", "3601"), "--interval and --duration must be 1 to 3600 seconds");
        assertOneLineError(steppe("bench", "aps", "--failing", "60", "--flapping", "50"), "adding up to at most 100");
        assertOneLineError(steppe("bench", "aps", "--target", "http://10.0.0.1:8081"), "is not a loopback address");
    }

    @Test
    void unknownCommandAndBadConfigurationAreOneLine() {
        assertOneLineError(steppe("frobnicate"), "Unmatched argument at index 0: 'frobnicate'");
        env.put("STEPPE_API_PORT", "eighty");
        assertOneLineError(steppe("nas", "list"), "STEPPE_API_PORT must be a port number 0..65535, was 'eighty'");
    }

    @Test
    void importReportsAndGapMapsAreReadableByTheirOwnerOnly() throws java.io.IOException {
        Path samples = java.nio.file.Files.writeString(home.resolve("drive.csv"), """
                timestamp,lat,lon,mcc,mnc,rat,rsrp,device_id
                2026-05-01T10:00:00+08:00,41.03,113.13,460,00,LTE,-95,=HYPERLINK("http://evil.example")
                2026-05-01T10:00:01+08:00,91.00,113.13,460,00,LTE,-95,phone-2
                """);
        Result imported = steppe("coverage", "import", samples.toString());
        assertEquals(0, imported.status(), imported.err());
        java.util.List<Path> reports;
        try (var files = java.nio.file.Files.list(home.resolve("reports"))) {
            reports = files.toList();
        }
        assertEquals(1, reports.size(), reports.toString());
        assertEquals("rw-------", permissions(reports.get(0)));
        assertEquals("rwx------", permissions(home.resolve("reports")));
        for (String format : new String[] {"csv", "geojson", "svg"}) {
            Path out = home.resolve("gaps." + format);
            Result written = steppe("coverage", "gaps", "--format", format, "--out", out.toString());
            assertEquals(0, written.status(), written.err());
            assertEquals("rw-------", permissions(out), out.toString());
        }
    }

    private static String permissions(Path file) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file));
    }
}
