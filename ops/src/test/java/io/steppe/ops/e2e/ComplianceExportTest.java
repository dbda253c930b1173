package io.steppe.ops.e2e;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.PHONE_IDENTITY;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.AuditLog;
import io.steppe.db.net.MacAddress;
import io.steppe.ops.Steppe;
import io.steppe.ops.server.PhoneKey;
import io.steppe.portal.sms.PhoneNumber;
import io.steppe.portal.sms.PhoneVault;
import io.steppe.radius.auth.VoucherIssuer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-name access log after real RADIUS accounting (radclient as the gateway): who had an address, a device, a
 * number or a voucher at a time, from the command and from the API, every export audited with who, why and whence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceExportTest {

    static final String SECRET = "compliance-gateway-secret";
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter CITY_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    Path home;
    Path exports;
    InProcessSteppe steppe;
    Map<String, String> env;
    final Http http = new Http();
    /** The phone session's login and logout, and the voucher session's login (it stays open). */
    Instant login;
    Instant logout;
    Instant voucherLogin;
    String voucher;

    record Result(int status, String out, String err) {
    }

    @BeforeAll
    void start(@TempDir Path home, @TempDir Path exports) throws Exception {
        this.home = home;
        this.exports = exports;
        env = new HashMap<>(TestEnvironment.of(home));
        steppe = InProcessSteppe.start(home, env);
        TestGateways.add(steppe.server, "jining-station", "127.0.0.1", SECRET, Optional.empty());
        new ApRepository(steppe.server.database().dsl(), new SecureRandom(), Clock.systemUTC()).registerWithNewTokens(List.of(
                new AccessPoint("jn-square-01", MacAddress.parse("02:00:5e:10:00:01"), "集宁广场 1 号", Optional.of("jining-square"),
                        Optional.empty(), Optional.of("jining-station"), Optional.empty())), "test");
        steppe.server.radius().reloadGateways();

        var dsl = steppe.server.database().dsl();
        PhoneVault vault = PhoneKey.vault(home, new SecureRandom());
        long subscriber = dsl.insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "phone").returning(SUBSCRIBER.ID).fetchOne().getId();
        dsl.insertInto(PHONE_IDENTITY).set(PHONE_IDENTITY.SUBSCRIBER_ID, subscriber)
                .set(PHONE_IDENTITY.PHONE_HMAC, vault.fingerprint("+8613812345678"))
                .set(PHONE_IDENTITY.PHONE_CIPHERTEXT, vault.encrypt(new PhoneNumber("+8613812345678"))).execute();
        dsl.insertInto(LOGIN_CREDENTIAL).set(LOGIN_CREDENTIAL.USERNAME, "sms-4f2a9c")
                .set(LOGIN_CREDENTIAL.SUBSCRIBER_ID, subscriber).set(LOGIN_CREDENTIAL.CLIENT_MAC, "aa:bb:cc:00:00:01")
                .set(LOGIN_CREDENTIAL.EXPIRES_AT, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(2)).execute();
        voucher = new VoucherIssuer(dsl, steppe.server.keys(), Clock.systemUTC(), new SecureRandom())
                .issue(1, 60, Duration.ofDays(1), 1, "test").get(0);

        login = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        logout = login.plus(Duration.ofMinutes(25));
        voucherLogin = login.plus(Duration.ofMinutes(10));
        // someone else, on the same address an hour before: not there at the time asked about
        accounting("User-Name = \"other\", Acct-Status-Type = Start, Acct-Session-Id = \"c-0\", Calling-Station-Id = \"AA-BB-CC-00-00-09\","
                + " Framed-IP-Address = 10.1.7.42, Event-Timestamp = " + login.minus(Duration.ofMinutes(90)).getEpochSecond());
        accounting("User-Name = \"other\", Acct-Status-Type = Stop, Acct-Session-Id = \"c-0\", Calling-Station-Id = \"AA-BB-CC-00-00-09\","
                + " Framed-IP-Address = 10.1.7.42, Acct-Session-Time = 1800, Acct-Terminate-Cause = Idle-Timeout, Event-Timestamp = "
                + login.minus(Duration.ofMinutes(60)).getEpochSecond());
        accounting("User-Name = \"sms-4f2a9c\", Acct-Status-Type = Start, Acct-Session-Id = \"c-1\", Called-Station-Id = \"02-00-5E-10-00-01:Ulanqab-Free\","
                + " Calling-Station-Id = \"AA-BB-CC-00-00-01\", Framed-IP-Address = 10.1.7.42, Event-Timestamp = " + login.getEpochSecond());
        accounting("User-Name = \"sms-4f2a9c\", Acct-Status-Type = Stop, Acct-Session-Id = \"c-1\", Called-Station-Id = \"02-00-5E-10-00-01:Ulanqab-Free\","
                + " Calling-Station-Id = \"AA-BB-CC-00-00-01\", Framed-IP-Address = 10.1.7.42, Acct-Session-Time = 1500,"
                + " Acct-Input-Octets = 1234567, Acct-Output-Octets = 7654321, Acct-Terminate-Cause = User-Request, Event-Timestamp = "
                + logout.getEpochSecond());
        accounting("User-Name = \"" + voucher + "\", Acct-Status-Type = Start, Acct-Session-Id = \"c-2\", Called-Station-Id = \"02-00-5E-10-00-01:Ulanqab-Free\","
                + " Calling-Station-Id = \"AA-BB-CC-00-00-02\", Framed-IP-Address = 10.1.7.43, Event-Timestamp = " + voucherLogin.getEpochSecond());
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    void accounting(String attributes) throws Exception {
        Process radclient = new ProcessBuilder("radclient", "-r", "1", "-t", "3", "127.0.0.1:" + steppe.server.radius().acctPort(), "acct", SECRET)
                .redirectErrorStream(true).start();
        radclient.getOutputStream().write((attributes + ", NAS-IP-Address = 127.0.0.1\n").getBytes(StandardCharsets.UTF_8));
        radclient.getOutputStream().close();
        assertEquals(0, radclient.waitFor(), new String(radclient.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    Result steppe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Steppe.run(args, env, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    static void assertOneLineError(Result result, String expected) {
        assertEquals(2, result.status(), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains(expected), result.err());
    }

    static String city(Instant t) {
        return CITY_TIME.format(t.atZone(CITY));
    }

    /** The export's rows, after checking the command said how many it wrote. */
    List<CSVRecord> export(String file, String... filter) throws Exception {
        Path out = exports.resolve(file);
        String at = CITY_MINUTE.format(login.plus(Duration.ofMinutes(15)).atZone(CITY));
        List<String> args = new java.util.ArrayList<>(List.of("compliance", "export", "--from", at, "--to", at, "--reason", "MPS request 2026-117",
                "--out", out.toString()));
        args.addAll(List.of(filter));
        Result result = steppe(args.toArray(String[]::new));
        assertEquals(0, result.status(), result.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), "the file is its owner's only");
        List<CSVRecord> rows = rows(Files.readString(out));
        assertTrue(result.out().contains(rows.size() + " sessions written to " + out), result.out());
        return rows;
    }

    static List<CSVRecord> rows(String csv) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    void assertPhoneSession(CSVRecord row) {
        assertEquals("phone", row.get("identity_kind"));
        assertEquals("+8613812345678", row.get("identity"), "the number in clear, for the authority that asked");
        assertEquals("aa:bb:cc:00:00:01", row.get("client_mac"));
        assertEquals("10.1.7.42", row.get("ip"));
        assertEquals("jining-station", row.get("gateway"));
        assertEquals("127.0.0.1", row.get("gateway_address"));
        assertEquals("jn-square-01", row.get("ap"));
        assertEquals("Ulanqab-Free", row.get("ssid"));
        assertEquals(city(login), row.get("login"));
        assertTrue(row.get("login").endsWith("+08:00"), row.get("login"));
        assertEquals(city(logout), row.get("logout"));
        assertEquals("1234567", row.get("bytes_in"));
        assertEquals("7654321", row.get("bytes_out"));
        assertEquals("User-Request", row.get("terminate_cause"));
    }

    @Test
    void whoHadAnAddressAtAnInstantIsTheSubscriberByNumberWithExactTimes() throws Exception {
        List<CSVRecord> rows = export("by-ip.csv", "--ip", "10.1.7.42");
        assertEquals(1, rows.size(), "the earlier holder of the address was gone by then: " + rows);
        assertPhoneSession(rows.get(0));
    }

    @Test
    void theSameSessionIsFoundByNumberAndByDevice() throws Exception {
        List<CSVRecord> byPhone = export("by-phone.csv", "--phone", "138 1234 5678");
        assertEquals(1, byPhone.size(), byPhone.toString());
        assertPhoneSession(byPhone.get(0));
        List<CSVRecord> byMac = export("by-mac.csv", "--mac", "AA-BB-CC-00-00-01");
        assertEquals(1, byMac.size(), byMac.toString());
        assertPhoneSession(byMac.get(0));
    }

    @Test
    void aVoucherSessionStillOpenIsFoundByItsCode() throws Exception {
        List<CSVRecord> rows = export("by-voucher.csv", "--voucher", voucher.toLowerCase(java.util.Locale.ROOT));
        assertEquals(1, rows.size(), rows.toString());
        CSVRecord row = rows.get(0);
        assertEquals("voucher", row.get("identity_kind"));
        assertEquals(voucher, row.get("identity"));
        assertEquals("aa:bb:cc:00:00:02", row.get("client_mac"));
        assertEquals("10.1.7.43", row.get("ip"));
        assertEquals(city(voucherLogin), row.get("login"));
        assertEquals("", row.get("logout"), "still online");

        List<CSVRecord> everyone = export("everyone.csv");
        assertEquals(2, everyone.size(), "both sessions of that minute, and not the earlier one: " + everyone);
    }

    @Test
    void anExportWithoutAReasonIsRefusedAndWritesNothing() {
        Path out = exports.resolve("no-reason.csv");
        Result result = steppe("compliance", "export", "--from", "2026-12-01", "--to", "2026-12-02", "--ip", "10.1.7.42", "--out", out.toString());
        assertOneLineError(result, "a reason is required");
        assertFalse(Files.exists(out));
        Result twoIdentities = steppe("compliance", "export", "--from", "2026-12-01", "--to", "2026-12-02", "--ip", "10.1.7.42",
                "--mac", "aa:bb:cc:00:00:01", "--reason", "x", "--out", out.toString());
        assertOneLineError(twoIdentities, "give at most one of");
        Result badTime = steppe("compliance", "export", "--from", "yesterday", "--to", "2026-12-02", "--reason", "x", "--out", out.toString());
        assertOneLineError(badTime, "'from' must be a time such as");
    }

    @Test
    void theCommandsExportIsAuditedWithWhoWhyWhatAndWhence() throws Exception {
        export("audited.csv", "--ip", "10.1.7.42");
        AuditLog.AuditEntry entry = AuditLog.recent(steppe.server.database().dsl(), 1).get(0);
        assertEquals("compliance.export", entry.action());
        assertTrue(entry.actor().startsWith("cli:"), entry.actor());
        assertTrue(entry.source().startsWith("cli@"), entry.source());
        assertTrue(entry.detailsJson().contains("\"reason\": \"MPS request 2026-117\"") || entry.detailsJson().contains("\"reason\":\"MPS request 2026-117\""),
                entry.detailsJson());
        assertTrue(entry.detailsJson().replace(" ", "").contains("\"rows\":1") && entry.detailsJson().replace(" ", "").contains("\"ip\":\"10.1.7.42\""),
                entry.detailsJson());
        assertTrue(entry.detailsJson().contains("\"via\": \"cli\"") || entry.detailsJson().contains("\"via\":\"cli\""), entry.detailsJson());
    }

    @Test
    void theApiAnswersAdminsOnlyAndAuditsEachAnswer() throws Exception {
        String at = CITY_MINUTE.format(login.plus(Duration.ofMinutes(15)).atZone(CITY)).replace(" ", "%20");
        String query = "/api/compliance/sessions?from=" + at + "&to=" + at + "&ip=10.1.7.42&reason=case%2042";
        for (String user : List.of(InProcessSteppe.OPERATOR, InProcessSteppe.PLANNER)) {
            HttpResponse<String> refused = http.get(steppe.api, query, "Authorization", "Bearer " + http.consoleToken(steppe.api, user, InProcessSteppe.PASSWORD));
            assertEquals(403, refused.statusCode(), user + ": " + refused.body());
            assertFalse(refused.body().contains("8613812345678"), refused.body());
        }
        String admin = "Bearer " + http.consoleToken(steppe.api, InProcessSteppe.ADMIN, InProcessSteppe.PASSWORD);
        double before = exportsCounted("api");
        HttpResponse<String> csv = http.get(steppe.api, query, "Authorization", admin);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        assertEquals("no-store", csv.headers().firstValue("Cache-Control").orElse(""));
        List<CSVRecord> rows = rows(csv.body());
        assertEquals(1, rows.size(), csv.body());
        assertPhoneSession(rows.get(0));

        AuditLog.AuditEntry entry = AuditLog.recent(steppe.server.database().dsl(), 1).get(0);
        assertEquals("compliance.export " + InProcessSteppe.ADMIN + " 127.0.0.1", entry.action() + " " + entry.actor() + " " + entry.source());
        assertTrue(entry.detailsJson().replace(" ", "").contains("\"reason\":\"case42\"") && entry.detailsJson().contains("api"), entry.detailsJson());
        assertEquals(before + 1, exportsCounted("api"), "the exports counter counts it");

        HttpResponse<String> noReason = http.get(steppe.api, query.replace("&reason=case%2042", ""), "Authorization", admin);
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.body().contains("a reason is required"), noReason.body());
    }

    @Test
    void exportsByCommandAreCountedByTheServer() throws Exception {
        double before = exportsCounted("cli");
        export("counted.csv", "--mac", "aa:bb:cc:00:00:01");
        assertEquals(before + 1, exportsCounted("cli"));
    }

    double exportsCounted(String via) {
        Map<String, Double> samples = PrometheusText.parse(http.get(steppe.api, "/metrics").body());
        Double value = samples.get("steppe_compliance_exports_total{via=\"" + via + "\"}");
        assertTrue(value != null, samples.keySet().stream().filter(k -> k.contains("compliance")).toList().toString());
        return value;
    }
}
