package io.steppe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoopbackTargetTest {

    @Test
    void acceptsLoopbackOnly() {
        assertEquals("127.0.0.1:18120", LoopbackTarget.parse("127.0.0.1:18120", 1812).toString());
        assertEquals("127.9.8.7:1813", LoopbackTarget.parse("127.9.8.7", 1813).toString());
        assertEquals("127.0.0.1:1812", LoopbackTarget.parse("localhost:1812", 1813).toString());
        assertEquals(1812, LoopbackTarget.parse("[::1]:1812", 9).address().getPort());
        assertEquals(1813, LoopbackTarget.parse("::1", 1813).address().getPort());
    }

    @Test
    void refusesEverythingElseWithAMessageNamingTheOption() {
        for (String target : new String[] {"10.0.0.1:1812", "0.0.0.0:1812", "192.168.1.1", "[2001:db8::1]:1812", "::"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoopbackTarget.parse(target, 1812));
            assertTrue(e.getMessage().startsWith("--target") && e.getMessage().contains("not a loopback address"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoopbackTarget.parse("radius.example.org:1812", 1812))
                .getMessage().contains("not a host name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoopbackTarget.parse("127.0.0.1:99999", 1812))
                .getMessage().contains("port must be 1 to 65535"));
    }

    @Test
    void aPlanNeverShowsItsSecretOrPassword() {
        RadiusBenchPlan plan = new RadiusBenchPlan(BenchMode.PAP, LoopbackTarget.parse("127.0.0.1", 1812), "s3cr3t-shared",
                Optional.of("alice"), Optional.of("pa55word"), 100, Duration.ofSeconds(1), Duration.ZERO, 8, Duration.ofSeconds(2), java.util.List.of());
        assertFalse(plan.toString().contains("s3cr3t-shared"), plan.toString());
        assertFalse(plan.toString().contains("pa55word"), plan.toString());
        assertTrue(plan.toString().contains("alice"));
    }

    @Test
    void aPlanIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new RadiusBenchPlan(BenchMode.ACCT, LoopbackTarget.parse("127.0.0.1", 1813),
                "s", Optional.empty(), Optional.empty(), 0, Duration.ofSeconds(601), Duration.ZERO, 8, Duration.ofSeconds(2), java.util.List.of()));
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class, () -> new RadiusBenchPlan(BenchMode.CHAP,
                LoopbackTarget.parse("127.0.0.1", 1812), "s", Optional.empty(), Optional.empty(), 0, Duration.ofSeconds(1),
                Duration.ZERO, 8, Duration.ofSeconds(2), java.util.List.of()));
        assertEquals("--mode chap needs --user and --password, or --users, of accounts the server accepts", noUser.getMessage());
    }
}
