package io.steppe.radius.e2e;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.keys.TestKeys;
import io.steppe.db.schema.tables.records.RadiusSessionRecord;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.packet.DropReason;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FreeRADIUS's own {@code radclient} as the gateway, against the running server. */
class RadclientInteropTest {

    static final String MA = ", Message-Authenticator = 0x00";
    static final String CLIENT = "Calling-Station-Id = \"AA-BB-CC-00-00-01\"";

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

    String acct(String attributes) {
        return Radclient.send(harness.radius.acctPort(), "acct", RadiusHarness.SECRET, attributes);
    }

    @Test
    void voucherByPapIsAcceptedWithTheAllowanceAndBandwidth() {
        String code = harness.voucher(45, 1);
        String out = auth("User-Name = \"" + code + "\", User-Password = \"" + code + "\", " + CLIENT + MA);
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

    @Test
    void rememberedDeviceIsLetBackInByMacAuthentication() {
        String code = harness.voucher(60, 1);
        assertTrue(auth("User-Name = \"" + code + "\", User-Password = \"" + code + "\", " + CLIENT + MA).contains("Access-Accept"));
        String again = auth("User-Name = \"aabb.cc00.0001\", User-Password = \"aabb.cc00.0001\", " + CLIENT + MA);
        assertTrue(again.contains("Received Access-Accept"), again);
        String stranger = auth("User-Name = \"AA-BB-CC-00-00-99\", User-Password = \"x\", Calling-Station-Id = \"AA-BB-CC-00-00-99\"" + MA);
        assertTrue(stranger.contains("Received Access-Reject"), stranger);
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
        String first = auth("User-Name = \"p-7f3k\", User-Password = \"" + password + "\", " + CLIENT + MA);
        assertTrue(first.contains("Received Access-Accept"), first);
        assertTrue(first.contains("Session-Timeout = 7200"), "the full daily allowance: " + first);
        String second = auth("User-Name = \"p-7f3k\", User-Password = \"" + password + "\", " + CLIENT + MA);
        assertTrue(second.contains("Reply-Message = \"This login was already used; please log in again\""), second);
    }
}
