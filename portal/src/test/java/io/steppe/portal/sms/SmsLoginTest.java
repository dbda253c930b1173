package io.steppe.portal.sms;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.PHONE_IDENTITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.portal.login.CredentialIssuer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsLoginTest {

    static final MacAddress PHONE_MAC = MacAddress.parse("aa:bb:cc:00:00:01");
    static final PhoneNumber TOURIST = new PhoneNumber("+97699112233");

    @TempDir
    Path home;
    Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
    OutboxSmsSender outbox;
    byte[] key;
    SmsLogin sms;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        SecureRandom random = new SecureRandom();
        key = new byte[32];
        random.nextBytes(key);
        outbox = new OutboxSmsSender(clock);
        sms = new SmsLogin(db.dsl(), clock, random, new PhoneVault(key, random), credentials(random), outbox);
    }

    CredentialIssuer credentials(SecureRandom random) {
        return new CredentialIssuer(db.dsl(), TestKeys.fixed(), clock, random);
    }

    @AfterEach
    void close() {
        db.close();
    }

    String lastCode() {
        Matcher m = Pattern.compile("(\\d{6})").matcher(outbox.outbox().get(0).text());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void rightCodeLogsInOnceAndTheNumberIsKeptSealed() {
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, PHONE_MAC, "gw", Optional.empty(), "Code: {code}"));
        assertEquals("+976******33", outbox.outbox().get(0).to());
        String code = lastCode();
        SmsLogin.Checked.LoggedIn in = assertInstanceOf(SmsLogin.Checked.LoggedIn.class, sms.check(TOURIST, code, PHONE_MAC, "mn"));
        assertEquals(SmsLogin.Checked.Reason.EXPIRED, assertInstanceOf(SmsLogin.Checked.Refused.class,
                sms.check(TOURIST, code, PHONE_MAC, "mn")).reason(), "used once");
        assertEquals(1, db.dsl().fetchCount(PHONE_IDENTITY));
        var credential = db.dsl().selectFrom(LOGIN_CREDENTIAL).where(LOGIN_CREDENTIAL.USERNAME.eq(in.credential().username())).fetchOne();
        assertEquals(in.subscriberId(), credential.getSubscriberId(), "the gateway's credential comes with the login");
        assertEquals(PHONE_MAC.toString(), credential.getClientMac());
        assertEquals(TestKeys.fixed().credentialPassword(credential.getUsername()), in.credential().password());
        clock.advance(Duration.ofMinutes(2));
        sms.requestCode(TOURIST, PHONE_MAC, "gw", Optional.empty(), "Code: {code}");
        assertEquals(in.subscriberId(), ((SmsLogin.Checked.LoggedIn) sms.check(TOURIST, lastCode(), PHONE_MAC, "mn")).subscriberId(),
                "a returning number is the same subscriber, with the same daily allowance");
    }

    @Test
    void fiveWrongTriesLockTheCode() {
        sms.requestCode(TOURIST, PHONE_MAC, "gw", Optional.empty(), "Code: {code}");
        String code = lastCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i < SmsLogin.MAX_ATTEMPTS; i++) {
            assertEquals(SmsLogin.Checked.Reason.WRONG_CODE, ((SmsLogin.Checked.Refused) sms.check(TOURIST, wrong, PHONE_MAC, "en")).reason());
        }
        assertEquals(SmsLogin.Checked.Reason.LOCKED, ((SmsLogin.Checked.Refused) sms.check(TOURIST, wrong, PHONE_MAC, "en")).reason());
        assertEquals(SmsLogin.Checked.Reason.LOCKED, ((SmsLogin.Checked.Refused) sms.check(TOURIST, code, PHONE_MAC, "en")).reason(),
                "even the right code no longer works");
    }

    @Test
    void codesExpireAfterFiveMinutesAndOnlyWorkOnTheirDevice() {
        sms.requestCode(TOURIST, PHONE_MAC, "gw", Optional.empty(), "Code: {code}");
        String code = lastCode();
        assertInstanceOf(SmsLogin.Checked.Refused.class, sms.check(TOURIST, code, MacAddress.parse("aa:bb:cc:00:00:02"), "en"));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertEquals(SmsLogin.Checked.Reason.EXPIRED, ((SmsLogin.Checked.Refused) sms.check(TOURIST, code, PHONE_MAC, "en")).reason());
    }

    @Test
    void sendingIsLimitedPerNumberPerDeviceAndPerGateway() {
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, PHONE_MAC, "gw", Optional.empty(), "{code}"));
        assertEquals(SmsLogin.Sending.TOO_SOON, sms.requestCode(TOURIST, MacAddress.parse("aa:bb:cc:00:00:09"), "gw", Optional.empty(), "{code}"));
        assertEquals(SmsLogin.Sending.DEVICE_LIMIT, sms.requestCode(new PhoneNumber("+79161234567"), PHONE_MAC, "gw", Optional.empty(), "{code}"));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, MacAddress.parse("aa:bb:cc:00:01:0" + i), "gw", Optional.empty(), "{code}"));
        }
        clock.advance(Duration.ofSeconds(61));
        assertEquals(SmsLogin.Sending.NUMBER_HOURLY_LIMIT, sms.requestCode(TOURIST, MacAddress.parse("aa:bb:cc:00:02:01"), "gw", Optional.empty(), "{code}"));
        for (int i = 0; i < 60; i++) {
            sms.requestCode(new PhoneNumber(String.format("+8613800%06d", i)), MacAddress.parse(String.format("aa:bb:cc:01:%02x:%02x", i / 256, i % 256)),
                    "busy-gw", Optional.empty(), "{code}");
        }
        assertEquals(SmsLogin.Sending.GATEWAY_LIMIT, sms.requestCode(new PhoneNumber("+8613900000001"), MacAddress.parse("aa:bb:cc:02:00:01"),
                "busy-gw", Optional.empty(), "{code}"));
    }

    @Test
    void anUnsentCodeIsReportedAndNotCounted() {
        SmsLogin failing = new SmsLogin(db.dsl(), clock, new SecureRandom(), new PhoneVault(new byte[32], new SecureRandom()),
                new CredentialIssuer(db.dsl(), TestKeys.fixed(), clock, new SecureRandom()),
                (to, text) -> {
                    throw new SmsSender.SmsNotSent("provider down", null);
                });
        assertEquals(SmsLogin.Sending.NOT_SENT, failing.requestCode(TOURIST, PHONE_MAC, "gw", Optional.empty(), "{code}"));
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, PHONE_MAC, "gw", Optional.empty(), "{code}"), "the failed attempt did not count");
    }

    static Optional<InetAddress> address(String literal) {
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static MacAddress mac(int n) {
        return MacAddress.parse(String.format("02:00:00:00:%02x:%02x", n / 256, n % 256));
    }

    static PhoneNumber number(int n) {
        return new PhoneNumber(String.format("+8613700%06d", n));
    }

    /** On main the limit counted the MAC the client sent: a new MAC for every request reset it. */
    @Test
    void rotatingTheClaimedMacResetsNeitherTheNumberNorTheAddressLimit() {
        Optional<InetAddress> phone = address("10.1.0.5");
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, mac(1), "gw", phone, "{code}"));
        assertEquals(SmsLogin.Sending.TOO_SOON, sms.requestCode(TOURIST, mac(2), "gw", address("10.1.0.6"), "{code}"),
                "the victim's number, from another MAC and address");
        assertEquals(SmsLogin.Sending.DEVICE_LIMIT, sms.requestCode(number(1), mac(3), "gw", phone, "{code}"),
                "another number and MAC from the same address, within the minute");
        for (int i = 2; i <= 10; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertEquals(SmsLogin.Sending.SENT, sms.requestCode(number(i), mac(100 + i), "gw", phone, "{code}"), "code " + i);
        }
        clock.advance(Duration.ofSeconds(61));
        assertEquals(SmsLogin.Sending.DEVICE_LIMIT, sms.requestCode(number(11), mac(111), "gw", phone, "{code}"),
                "ten codes an hour from one address, whatever MAC and number it claims");
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(number(12), mac(112), "gw", address("10.1.0.7"), "{code}"),
                "another address is not held back");
    }

    /** The per-gateway limit lived in each node's memory on main: two nodes each let a gateway send its whole limit. */
    @Test
    void aGatewaysLimitHoldsAcrossNodesSharingTheDatabase() {
        SecureRandom random = new SecureRandom();
        PhoneVault vault = new PhoneVault(key, random);
        SmsLogin nodeA = new SmsLogin(db.dsl(), clock, random, vault, credentials(random), outbox, new SmsLimits(2, 1_000), SmsBudgetAlarm.NONE);
        SmsLogin nodeB = new SmsLogin(db.dsl(), clock, random, vault, credentials(random), outbox, new SmsLimits(2, 1_000), SmsBudgetAlarm.NONE);
        assertEquals(SmsLogin.Sending.SENT, nodeA.requestCode(number(1), mac(1), "square-gw", Optional.empty(), "{code}"));
        assertEquals(SmsLogin.Sending.SENT, nodeB.requestCode(number(2), mac(2), "square-gw", Optional.empty(), "{code}"));
        assertEquals(SmsLogin.Sending.GATEWAY_LIMIT, nodeA.requestCode(number(3), mac(3), "square-gw", Optional.empty(), "{code}"));
        assertEquals(SmsLogin.Sending.GATEWAY_LIMIT, nodeB.requestCode(number(4), mac(4), "square-gw", Optional.empty(), "{code}"));
        assertEquals(SmsLogin.Sending.SENT, nodeB.requestCode(number(5), mac(5), "station-gw", Optional.empty(), "{code}"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(SmsLogin.Sending.SENT, nodeA.requestCode(number(6), mac(6), "square-gw", Optional.empty(), "{code}"));
    }

    /** On main nothing bounded the codes of all gateways together. */
    @Test
    void theHourlyBudgetRefusesOnceSpentAndRaisesTheAlarmOnce() {
        List<Instant> alarms = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        SmsLogin budgeted = new SmsLogin(db.dsl(), clock, random, new PhoneVault(key, random), credentials(random), outbox, new SmsLimits(60, 3),
                (budget, hour) -> alarms.add(hour));
        for (int i = 0; i < 3; i++) {
            assertEquals(SmsLogin.Sending.SENT, budgeted.requestCode(number(i), mac(i), "gw-" + i, Optional.empty(), "{code}"));
        }
        assertEquals(List.of(Instant.parse("2026-11-26T02:00:00Z")), alarms, "the request that spent the budget raised it");
        assertEquals(SmsLogin.Sending.BUSY, budgeted.requestCode(number(9), mac(9), "gw-9", Optional.empty(), "{code}"));
        assertEquals(SmsLogin.Sending.BUSY, budgeted.requestCode(number(10), mac(10), "gw-10", Optional.empty(), "{code}"));
        assertEquals(1, alarms.size(), "raised once, not once per refusal");
        assertEquals(3, outbox.outbox().size(), "nothing sent past the budget");
        clock.advance(Duration.ofHours(1));
        assertEquals(SmsLogin.Sending.SENT, budgeted.requestCode(number(11), mac(11), "gw-11", Optional.empty(), "{code}"));
    }
}
