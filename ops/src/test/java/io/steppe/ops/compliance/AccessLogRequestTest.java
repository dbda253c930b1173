package io.steppe.ops.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.portal.sms.MobileNumbers;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AccessLogRequestTest {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final MobileNumbers NUMBERS = new MobileNumbers(MobileNumbers.DEFAULT_COUNTRIES);

    static AccessLogRequest ask(String from, String to, AccessLogRequest.Identities who, String reason) {
        return AccessLogRequest.of(from, to, who, reason, CITY, NUMBERS);
    }

    static String refusal(String from, String to, AccessLogRequest.Identities who, String reason) {
        return assertThrows(AccessLogRefused.class, () -> ask(from, to, who, reason)).getMessage();
    }

    static final AccessLogRequest.Identities NOBODY = new AccessLogRequest.Identities(null, null, null, null);

    @Test
    void anInstantInTheCitysTimeAsksAboutThatMomentOfOneAddress() {
        AccessLogRequest q = ask("2026-12-06 21:14", "2026-12-06T21:14+08:00", new AccessLogRequest.Identities(null, null, " 10.1.7.42 ", ""), " case 17 ");
        assertEquals(Instant.parse("2026-12-06T13:14:00Z"), q.from());
        assertEquals(q.from(), q.to());
        assertEquals(new AccessLogRequest.Who(AccessLogRequest.Kind.IP, "10.1.7.42"), q.who().orElseThrow());
        assertEquals("case 17", q.reason());
    }

    @Test
    void identitiesAreReadInTheFormTheyAreStoredIn() {
        assertEquals("+8613812345678", ask("2026-12-06", "2026-12-07", new AccessLogRequest.Identities("138 1234 5678", null, null, null), "r")
                .who().orElseThrow().value());
        assertEquals("aa:bb:cc:00:00:01", ask("2026-12-06", "2026-12-07", new AccessLogRequest.Identities(null, "AA-BB-CC-00-00-01", null, null), "r")
                .who().orElseThrow().value());
        assertEquals("QFX4KTNWA7", ask("2026-12-06", "2026-12-07", new AccessLogRequest.Identities(null, null, null, "qfx4ktnwa7"), "r")
                .who().orElseThrow().value());
        assertTrue(ask("2026-12-06", "2026-12-07", NOBODY, "r").who().isEmpty());
    }

    @Test
    void whatCannotBeAnsweredIsNamed() {
        assertTrue(refusal("2026-12-06", "2026-12-07", NOBODY, " ").startsWith("a reason is required"));
        assertTrue(refusal("2026-12-06", "2026-12-07", NOBODY, null).startsWith("a reason is required"));
        assertTrue(refusal(null, "2026-12-07", NOBODY, "r").startsWith("'from' is required"));
        assertTrue(refusal("2026-12-08", "2026-12-07", NOBODY, "r").contains("is before 'from'"));
        assertTrue(refusal("2025-01-01", "2026-12-07", NOBODY, "r").contains("more than 400 days apart"));
        assertTrue(refusal("2026-12-06", "2026-12-07", new AccessLogRequest.Identities(null, null, "gateway.example", null), "r")
                .startsWith("'ip' must be an IPv4 or IPv6 address"), "a host name is not looked up");
        assertTrue(refusal("2026-12-06", "2026-12-07", new AccessLogRequest.Identities("12", null, null, null), "r").startsWith("'phone' must be"));
        assertTrue(refusal("2026-12-06", "2026-12-07", new AccessLogRequest.Identities(null, "nope", null, null), "r").startsWith("'mac' must be"));
        assertTrue(refusal("2026-12-06", "2026-12-07", new AccessLogRequest.Identities(null, null, null, "a-b"), "r").startsWith("'voucher' must be"));
        assertTrue(refusal("2026-12-06", "2026-12-07", new AccessLogRequest.Identities(null, "aa:bb:cc:00:00:01", "10.0.0.1", null), "r")
                .startsWith("give at most one of phone, mac, ip and voucher"));
    }

    @Test
    void aNumberOrACodeIsNeverShownWhole() {
        AccessLogRequest.Who phone = new AccessLogRequest.Who(AccessLogRequest.Kind.PHONE, "+8613812345678");
        assertEquals("+86********678", phone.redacted());
        assertFalse(phone.toString().contains("13812345678"), phone.toString());
        AccessLogRequest.Who voucher = new AccessLogRequest.Who(AccessLogRequest.Kind.VOUCHER, "QFX4KTNWA7");
        assertEquals("QF********", voucher.redacted());
        assertFalse(voucher.toString().contains("QFX4"), voucher.toString());
    }
}
