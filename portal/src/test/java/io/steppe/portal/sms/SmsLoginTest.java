package io.steppe.portal.sms;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.PHONE_IDENTITY;
import static io.steppe.db.schema.Tables.SMS_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.portal.login.CredentialIssuer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsLoginTest {

    static final MacAddress PHONE_MAC = MacAddress.parse("aa:bb:cc:00:00:01");
    static final PhoneNumber TOURIST = PhoneNumber.parse("+97699112233");

    @TempDir
    Path home;
    Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
    LogSmsSender outbox;
    SmsLogin sms;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        outbox = new LogSmsSender(clock);
        sms = new SmsLogin(db.dsl(), clock, random, new PhoneVault(key, random),
                new CredentialIssuer(db.dsl(), TestKeys.fixed(), clock, random), outbox);
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
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, PHONE_MAC, "gw", "Code: {code}"));
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
        sms.requestCode(TOURIST, PHONE_MAC, "gw", "Code: {code}");
        assertEquals(in.subscriberId(), ((SmsLogin.Checked.LoggedIn) sms.check(TOURIST, lastCode(), PHONE_MAC, "mn")).subscriberId(),
                "a returning number is the same subscriber, with the same daily allowance");
    }

    @Test
    void fiveWrongTriesLockTheCode() {
        sms.requestCode(TOURIST, PHONE_MAC, "gw", "Code: {code}");
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
        sms.requestCode(TOURIST, PHONE_MAC, "gw", "Code: {code}");
        String code = lastCode();
        assertInstanceOf(SmsLogin.Checked.Refused.class, sms.check(TOURIST, code, MacAddress.parse("aa:bb:cc:00:00:02"), "en"));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertEquals(SmsLogin.Checked.Reason.EXPIRED, ((SmsLogin.Checked.Refused) sms.check(TOURIST, code, PHONE_MAC, "en")).reason());
    }

    @Test
    void sendingIsLimitedPerNumberPerDeviceAndPerGateway() {
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, PHONE_MAC, "gw", "{code}"));
        assertEquals(SmsLogin.Sending.TOO_SOON, sms.requestCode(TOURIST, MacAddress.parse("aa:bb:cc:00:00:09"), "gw", "{code}"));
        assertEquals(SmsLogin.Sending.DEVICE_LIMIT, sms.requestCode(PhoneNumber.parse("+79161234567"), PHONE_MAC, "gw", "{code}"));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, MacAddress.parse("aa:bb:cc:00:01:0" + i), "gw", "{code}"));
        }
        clock.advance(Duration.ofSeconds(61));
        assertEquals(SmsLogin.Sending.NUMBER_HOURLY_LIMIT, sms.requestCode(TOURIST, MacAddress.parse("aa:bb:cc:00:02:01"), "gw", "{code}"));
        for (int i = 0; i < 60; i++) {
            sms.requestCode(PhoneNumber.parse(String.format("+8613800%06d", i)), MacAddress.parse(String.format("aa:bb:cc:01:%02x:%02x", i / 256, i % 256)),
                    "busy-gw", "{code}");
        }
        assertEquals(SmsLogin.Sending.GATEWAY_LIMIT, sms.requestCode(PhoneNumber.parse("+8613900000001"), MacAddress.parse("aa:bb:cc:02:00:01"),
                "busy-gw", "{code}"));
    }

    @Test
    void anUnsentCodeIsReportedAndNotCounted() {
        SmsLogin failing = new SmsLogin(db.dsl(), clock, new SecureRandom(), new PhoneVault(new byte[32], new SecureRandom()),
                new CredentialIssuer(db.dsl(), TestKeys.fixed(), clock, new SecureRandom()),
                (to, text) -> {
                    throw new SmsSender.SmsNotSent("provider down", null);
                });
        assertEquals(SmsLogin.Sending.NOT_SENT, failing.requestCode(TOURIST, PHONE_MAC, "gw", "{code}"));
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, PHONE_MAC, "gw", "{code}"), "the failed attempt did not count");
    }

    @Test
    void codesAreKeptHalfAYearAsLoginRecordsThenDeleted() {
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, PHONE_MAC, "gw", "{code}"));
        clock.advance(SmsLogin.KEPT.minusDays(1));
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, PHONE_MAC, "gw", "{code}"));
        assertEquals(2, db.dsl().fetchCount(SMS_CODE), "nothing is half a year old yet");
        clock.advance(Duration.ofDays(2));
        assertEquals(SmsLogin.Sending.SENT, sms.requestCode(TOURIST, PHONE_MAC, "gw", "{code}"));
        assertEquals(2, db.dsl().fetchCount(SMS_CODE), "the first code, now older than half a year, is gone");
    }
}
