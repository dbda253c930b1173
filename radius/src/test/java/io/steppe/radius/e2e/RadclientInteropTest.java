package io.steppe.radius.e2e;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.keys.TestKeys;
import io.steppe.db.schema.tables.records.RadiusSessionOpenRecord;
import io.steppe.db.schema.tables.records.RadiusSessionRecord;
import io.steppe.radius.auth.QuotaEnforcer;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.packet.AccountingWarning;
import io.steppe.radius.packet.DropReason;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FreeRADIUS's own {@code radclient} as the gateway, against the running server. */
class RadclientInteropTest {

    static final String MA = ", Message-Authenticator = 0x00";
    static final String CLIENT = "Calling-Station-Id = \"AA-BB-CC-00-00-01\"";
    static final String OTHER_SECRET = "second-gateway-secret";

    @TempDir
    Path home;
    RadiusHarness harness;

    @BeforeEach
    void start() {
        harness = new RadiusHarness(home, MessageAuthenticatorPolicy.AUTO);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    String auth(String attributes) {
        return Radclient.send(harness.radius.authPort(), "auth", RadiusHarness.SECRET, attributes);
    }

    /** PAP from the client {@link #CLIENT}, signed. */
    String pap(String user, String password) {
        return auth("User-Name = \"" + user + "\", User-Password = \"" + password + "\", " + CLIENT + MA);
    }

    String acct(String attributes) {
        return Radclient.send(harness.radius.acctPort(), "acct", RadiusHarness.SECRET, attributes);
    }

    @Test
    void voucherByPapIsAcceptedWithTheAllowanceAndBandwidth() {
        String code = harness.voucher(45, 1);
        String out = pap(code, code);
        assertTrue(out.contains("Received Access-Accept"), out);
        assertTrue(out.contains("Session-Timeout = 2700"), out);
        assertTrue(out.contains("Acct-Interim-Interval = 300"), out);
        assertTrue(out.contains("WISPr-Bandwidth-Max-Down = 8000000"), out);
        assertTrue(out.contains("ChilliSpot-Bandwidth-Max-Down = 8000"), out);
        assertTrue(out.contains("Class = 0x"), out);
        int firstAttribute = out.indexOf("\t", out.indexOf("Received Access-Accept"));
        assertTrue(out.startsWith("\tMessage-Authenticator", firstAttribute), "Message-Authenticator first: " + out);
    }

    @Test
    void voucherByChapIsAccepted() {
        String code = harness.voucher(30, 1);
        String out = auth("User-Name = \"" + code + "\", CHAP-Password = \"" + code + "\", " + CLIENT + MA);
        assertTrue(out.contains("Received Access-Accept"), out);
    }

    @Test
    void wrongPasswordIsRejectedWithAReasonInChinese() {
        String code = harness.voucher(30, 1);
        String out = auth("User-Name = \"" + code + "\", User-Password = \"not-the-code\"" + MA);
        assertTrue(out.contains("Received Access-Reject"), out);
        assertTrue(out.contains("Reply-Message = \"用户名或密码错误\""), out);
    }

    @Test
    void wrongSecretGetsNoAnswerAndIsCounted() {
        String code = harness.voucher(30, 1);
        String out = Radclient.send(harness.radius.authPort(), "auth", "not-the-secret",
                "User-Name = \"" + code + "\", User-Password = \"" + code + "\"" + MA);
        assertTrue(out.contains("No reply from server"), out);
        assertTrue(harness.metrics.dropped(DropReason.BAD_AUTHENTICATOR) >= 1);
    }

    @Test
    void statusServerIsAnsweredOnBothPorts() {
        assertTrue(Radclient.send(harness.radius.authPort(), "status", RadiusHarness.SECRET, "Message-Authenticator = 0x00")
                .contains("Received Access-Accept"));
        assertTrue(Radclient.send(harness.radius.acctPort(), "status", RadiusHarness.SECRET, "Message-Authenticator = 0x00")
                .contains("Received Accounting-Response"));
    }

    @Test
    void accountingStartInterimStopRecordsOneSessionWith64BitCounters() {
        String code = harness.voucher(60, 1);
        String session = "User-Name = \"" + code + "\", Acct-Session-Id = \"5f3a0001\", " + CLIENT
                + ", Called-Station-Id = \"02-00-5E-10-00-01:Ulanqab-Free\", Framed-IP-Address = 10.1.0.7";
        assertTrue(acct(session + ", Acct-Status-Type = Start").contains("Received Accounting-Response"));
        assertTrue(acct(session + ", Acct-Status-Type = Interim-Update, Acct-Session-Time = 300, Acct-Input-Octets = 10, "
                + "Acct-Output-Octets = 20, Acct-Output-Gigawords = 2").contains("Received Accounting-Response"));
        assertEquals(1, harness.db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        assertTrue(acct(session + ", Acct-Status-Type = Stop, Acct-Session-Time = 600, Acct-Input-Octets = 30, "
                + "Acct-Output-Octets = 40, Acct-Output-Gigawords = 2, Acct-Terminate-Cause = User-Request").contains("Received Accounting-Response"));
        // A late Interim-Update after the Stop must not reopen the session.
        assertTrue(acct(session + ", Acct-Status-Type = Interim-Update, Acct-Session-Time = 300").contains("Received Accounting-Response"));

        assertEquals(0, harness.db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        RadiusSessionRecord closed = harness.db.dsl().selectFrom(RADIUS_SESSION).fetchSingle();
        assertEquals(600, closed.getSessionTime());
        assertEquals(30, closed.getInputOctets());
        assertEquals((2L << 32) + 40, closed.getOutputOctets());
        assertEquals("User-Request", closed.getTerminateCause());
        assertEquals("02:00:5e:10:00:01", closed.getApMac());
        assertEquals("Ulanqab-Free", closed.getSsid());
        assertEquals("aa:bb:cc:00:00:01", closed.getClientMac());
        assertTrue(closed.getSubscriberId() != null, "charged to the voucher's subscriber");
    }

    @Test
    void accountingOnClosesEveryOpenSessionOfTheGateway() {
        for (int i = 1; i <= 3; i++) {
            acct("User-Name = \"u" + i + "\", Acct-Session-Id = \"s" + i + "\", Acct-Status-Type = Start");
        }
        assertEquals(3, harness.db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        assertTrue(acct("Acct-Status-Type = Accounting-On, NAS-Identifier = \"loopback-gw\"").contains("Received Accounting-Response"));
        assertEquals(0, harness.db.dsl().fetchCount(RADIUS_SESSION_OPEN));
        assertEquals(3, harness.db.dsl().fetchCount(RADIUS_SESSION, RADIUS_SESSION.TERMINATE_CAUSE.eq("NAS-Reboot")));
    }

    @Test
    void aReturningDeviceIsAnsweredFromMemoryWithTheTimeAccountingLeftIt() {
        String code = harness.voucher(60, 1);
        String login = "User-Name = \"" + code + "\", User-Password = \"" + code + "\", " + CLIENT + MA;
        assertTrue(auth(login).contains("Session-Timeout = 3600"));
        assertEquals(1, harness.metrics.get("decided.database"), "the first login binds the device: the database");
        String again = auth(login);
        assertTrue(again.contains("Session-Timeout = 3600"), again);
        assertEquals(1, harness.metrics.get("decided.memory"), "the device coming back: memory");
        assertTrue(acct("User-Name = \"" + code + "\", Acct-Session-Id = \"5f3a0002\", " + CLIENT
                + ", Acct-Status-Type = Stop, Acct-Session-Time = 1800").contains("Received Accounting-Response"));
        String afterHalfAnHour = auth(login);
        assertTrue(afterHalfAnHour.contains("Session-Timeout = 1800"), afterHalfAnHour);
    }

    /**
     * The attack: MAC authentication took any password, so a MAC typed into a gateway's login page (or its UAM
     * {@code /logon}) was a login. The password is the MAC as the gateway writes it, as CoovaChilli's macauth sends it.
     */
    @Test
    void rememberedDeviceIsLetBackInByMacAuthenticationWithTheMacAsPasswordOnly() {
        String code = harness.voucher(60, 1);
        assertTrue(pap(code, code).contains("Access-Accept"));
        String coova = pap("AA-BB-CC-00-00-01", "AA-BB-CC-00-00-01");
        assertTrue(coova.contains("Received Access-Accept"), coova);
        String again = pap("aabb.cc00.0001", "aabb.cc00.0001");
        assertTrue(again.contains("Received Access-Accept"), again);
        String guessed = pap("AA-BB-CC-00-00-01", "anything");
        assertTrue(guessed.contains("Received Access-Reject"), guessed);
        String stranger = auth("User-Name = \"AA-BB-CC-00-00-99\", User-Password = \"AA-BB-CC-00-00-99\", Calling-Station-Id = \"AA-BB-CC-00-00-99\"" + MA);
        assertTrue(stranger.contains("Received Access-Reject"), stranger);
    }

    /** The attack: a remembered MAC, spoofed behind another gateway, was let in there too. */
    @Test
    void aRememberedMacIsRejectedOnAnotherGateway() throws Exception {
        String code = harness.voucher(60, 1);
        assertTrue(pap(code, code).contains("Access-Accept"));
        new NasRepository(harness.db.dsl(), TestKeys.fixed()).add(Nas.of("second-gw", NasAddress.parse("127.0.0.2"), OTHER_SECRET), "test");
        harness.radius.reloadGateways();
        byte[] macAuth = TestPackets.accessRequest(1, "AA-BB-CC-00-00-01", "AA-BB-CC-00-00-01", OTHER_SECRET, true,
                TestPackets.attribute(31, "AA-BB-CC-00-00-01".getBytes(StandardCharsets.US_ASCII)));
        try (TestPackets secondGateway = new TestPackets(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1"))) {
            assertEquals(3, secondGateway.exchange(harness.radius.authPort(), macAuth).orElseThrow()[0], "Access-Reject");
        }
        String home = pap("AA-BB-CC-00-00-01", "AA-BB-CC-00-00-01");
        assertTrue(home.contains("Received Access-Accept"), "still let in where it logged in: " + home);
    }

    /**
     * The attack: an Interim-Update claiming 0x7fffffff gigawords each way was stored as 9.2e18 octets; afterwards the
     * subscriber's Access-Requests failed ("bigint out of range") and so did the minute's quota enforcement for everyone.
     */
    @Test
    void interimUpdateWithAbsurdGigawordsLocksOutNobodyAndQuotaEnforcementStillWorks() {
        String code = harness.voucher(60, 1);
        String login = "User-Name = \"" + code + "\", User-Password = \"" + code + "\", " + CLIENT + MA;
        assertTrue(auth(login).contains("Access-Accept"));
        String session = "User-Name = \"" + code + "\", Acct-Session-Id = \"5f3a0101\", " + CLIENT;
        assertTrue(acct(session + ", Acct-Status-Type = Start").contains("Received Accounting-Response"));
        String absurd = acct(session + ", Acct-Status-Type = Interim-Update, Acct-Session-Time = 300, Acct-Input-Octets = 1, "
                + "Acct-Input-Gigawords = 2147483647, Acct-Output-Octets = 2, Acct-Output-Gigawords = 2147483647");
        assertTrue(absurd.contains("Received Accounting-Response"), "the record is kept: " + absurd);
        assertEquals(2, harness.metrics.warned(AccountingWarning.IMPLAUSIBLE_OCTETS), "its counters are not, and that is counted");
        RadiusSessionOpenRecord open = harness.db.dsl().selectFrom(RADIUS_SESSION_OPEN).fetchSingle();
        assertEquals(300, open.getSessionTime());
        assertEquals(0, open.getInputOctets() + open.getOutputOctets());

        String again = auth(login);
        assertTrue(again.contains("Received Access-Accept") && again.contains("Session-Timeout = 3300"), again);

        // Another subscriber has used up their minutes while online: the minute's enforcement must find them.
        String spent = harness.voucher(1, 1);
        String other = "Calling-Station-Id = \"AA-BB-CC-00-00-02\"";
        assertTrue(auth("User-Name = \"" + spent + "\", User-Password = \"" + spent + "\", " + other + MA).contains("Access-Accept"));
        assertTrue(acct("User-Name = \"" + spent + "\", Acct-Session-Id = \"5f3a0102\", " + other
                + ", Acct-Status-Type = Interim-Update, Acct-Session-Time = 120").contains("Received Accounting-Response"));
        String spentSession = harness.db.dsl().select(RADIUS_SESSION_OPEN.UNIQUE_ID).from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.SESSION_ID.eq("5f3a0102")).fetchSingle().value1();
        assertEquals(List.of(spentSession), harness.radius.policy().sessionsWithNothingLeft());
        assertEquals(1, new QuotaEnforcer(harness.radius.policy(), harness.radius.terminator()).enforce(), "a Disconnect-Request sent");
    }

    @Test
    void portalCredentialWorksOnceAndOnlyFromItsDevice() {
        String password = TestKeys.fixed().credentialPassword("p-7f3k");
        long subscriber = harness.db.dsl().insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "phone").set(SUBSCRIBER.LANGUAGE, "en")
                .returning(SUBSCRIBER.ID).fetchOne().getId();
        harness.db.dsl().insertInto(LOGIN_CREDENTIAL).set(LOGIN_CREDENTIAL.USERNAME, "p-7f3k")
                .set(LOGIN_CREDENTIAL.SUBSCRIBER_ID, subscriber).set(LOGIN_CREDENTIAL.CLIENT_MAC, "aa:bb:cc:00:00:01")
                .set(LOGIN_CREDENTIAL.EXPIRES_AT, OffsetDateTime.now().plusMinutes(2)).execute();
        String otherDevice = auth("User-Name = \"p-7f3k\", User-Password = \"" + password + "\", Calling-Station-Id = \"AA-BB-CC-00-00-02\"" + MA);
        assertTrue(otherDevice.contains("Reply-Message = \"This login belongs to another device\""), otherDevice);
        String first = pap("p-7f3k", password);
        assertTrue(first.contains("Received Access-Accept"), first);
        assertTrue(first.contains("Session-Timeout = 7200"), "the full daily allowance: " + first);
        String second = pap("p-7f3k", password);
        assertTrue(second.contains("Reply-Message = \"This login was already used; please log in again\""), second);
    }
}
