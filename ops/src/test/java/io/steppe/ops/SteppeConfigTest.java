package io.steppe.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SteppeConfigTest {

    @TempDir
    Path home;

    @Test
    void defaultsAreTheContractsPorts() {
        SteppeConfig config = SteppeConfig.load(Map.of("STEPPE_HOME", home.toString()));
        assertEquals(8080, config.portalPort());
        assertEquals(8081, config.apiPort());
        assertEquals(1812, config.radiusAuthPort());
        assertEquals(1813, config.radiusAcctPort());
        assertEquals(2083, config.radsecPort());
        assertEquals(SteppeConfig.Sms.NONE, config.sms(), "no SMS sender unless one is configured: codes are never only logged");
        assertEquals(java.util.Set.of("CN", "MN", "RU"), config.portal().smsCountries());
        assertEquals(1_000, config.portal().smsHourlyBudget());
        assertTrue(config.portal().publicUrl().isEmpty(), "built from the bound address and port");
        assertTrue(config.database().url().isEmpty(), "embedded by default");
        assertEquals(new SteppeConfig.Allowance(120, 1024, 7), config.allowance());
        assertEquals(60, config.smsGatewayLimit());
        assertEquals(home.resolve("pgdata"), config.database().home().resolve("pgdata"));
    }

    @Test
    void theTwoHttpListenersBindApartAndDefaultToTheBindAddress() {
        SteppeConfig shared = SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_BIND_ADDRESS", "10.0.0.2"));
        assertEquals("10.0.0.2", shared.portalBind());
        assertEquals("10.0.0.2", shared.apiBind());
        SteppeConfig apart = SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_PORTAL_BIND", "10.8.0.2",
                "STEPPE_API_BIND", "10.20.0.2"));
        assertEquals("10.8.0.2", apart.portalBind());
        assertEquals("10.20.0.2", apart.apiBind());
        assertEquals("0.0.0.0", apart.bindAddress());
        assertTrue(assertThrows(UserError.class, () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(),
                "STEPPE_API_BIND", "10.20.0.2; rm"))).getMessage().startsWith("STEPPE_API_BIND must be an IP address"));
    }

    @Test
    void apControllerKeysAreReadAndAWrongOneIsNamed() {
        SteppeConfig config = SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_AP_MISSED_INTERVALS", "4",
                "STEPPE_AP_MAX_CLIENTS", "80", "STEPPE_AP_PROBES", "loopback", "STEPPE_AP_WEBHOOK_URL", "http://127.0.0.1:9/hook"));
        assertEquals(4, config.controller().rules().missedIntervals());
        assertEquals(80, config.controller().rules().thresholds().clients());
        assertEquals(io.steppe.controller.probe.ProbePolicy.Scope.LOOPBACK, config.controller().probes().scope());
        assertEquals("http://127.0.0.1:9/hook", config.controller().webhook().orElseThrow().toString());
        assertEquals("STEPPE_AP_PROBES must be 'all', 'loopback' or 'off', was 'sometimes'", assertThrows(UserError.class,
                () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_AP_PROBES", "sometimes"))).getMessage());
        assertEquals("STEPPE_AP_WEBHOOK_URL must be an http(s) URL, was 'mailto:ops'", assertThrows(UserError.class,
                () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_AP_WEBHOOK_URL", "mailto:ops"))).getMessage());
    }

    @Test
    void configFileInHomeIsReadAndTheEnvironmentWins() throws Exception {
        Files.writeString(home.resolve("steppe.conf"), "STEPPE_PORTAL_PORT=9080\nSTEPPE_API_PORT=9081\n");
        SteppeConfig config = SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_API_PORT", "7081"));
        assertEquals(9080, config.portalPort());
        assertEquals(7081, config.apiPort());
    }

    @Test
    void retentionIsHalfAYearByDefaultAndNeverUnderSixtyDays() {
        assertEquals(180, SteppeConfig.load(Map.of("STEPPE_HOME", home.toString())).retentionDays());
        assertEquals(60, SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_RETENTION_DAYS", " 60 ")).retentionDays());
        for (String bad : new String[] {"59", "0", "-180", "six months", "180d"}) {
            assertEquals("STEPPE_RETENTION_DAYS must be a whole number of days from 60 (the least access logs must be kept) to 36500, was '"
                    + bad + "'", assertThrows(UserError.class,
                    () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_RETENTION_DAYS", bad))).getMessage());
        }
    }

    @Test
    void badValuesAreRefusedNamingTheKey() throws Exception {
        assertEquals("STEPPE_RADIUS_AUTH_PORT must be a port number 0..65535, was '70000'", assertThrows(UserError.class,
                () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_RADIUS_AUTH_PORT", "70000"))).getMessage());
        assertEquals("STEPPE_DAILY_MINUTES must be a whole number 1..1440, was '2000'", assertThrows(UserError.class,
                () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_DAILY_MINUTES", "2000"))).getMessage());
        assertEquals("STEPPE_COVERAGE_WINDOW_DAYS must be a whole number 30..3650, was '7'", assertThrows(UserError.class,
                () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_COVERAGE_WINDOW_DAYS", "7"))).getMessage());
        assertEquals(365, SteppeConfig.load(Map.of("STEPPE_HOME", home.toString())).coverage().evidence().windowDays());
        assertEquals(180, SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_COVERAGE_WINDOW_DAYS", "180"))
                .coverage().evidence().windowDays());
        assertEquals("STEPPE_SMS must be 'none', 'webhook', 'log' or 'outbox', was 'pigeon'", assertThrows(UserError.class,
                () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_SMS", "pigeon"))).getMessage());
        assertEquals("STEPPE_SMS=webhook needs STEPPE_SMS_WEBHOOK_URL", assertThrows(UserError.class,
                () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_SMS", "webhook"))).getMessage());
        assertTrue(assertThrows(UserError.class, () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(),
                "STEPPE_SMS_COUNTRIES", "CN,XX"))).getMessage().startsWith("STEPPE_SMS_COUNTRIES must list ISO country codes"));
        assertEquals("STEPPE_SMS_HOURLY_BUDGET must be a whole number 1..10000000, was '0'", assertThrows(UserError.class,
                () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_SMS_HOURLY_BUDGET", "0"))).getMessage());
        assertEquals("STEPPE_PORTAL_URL must be an http(s) URL, was 'portal.example.cn'", assertThrows(UserError.class,
                () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_PORTAL_URL", "portal.example.cn"))).getMessage());
        assertEquals(java.util.Set.of("CN", "KZ"), SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(), "STEPPE_SMS_COUNTRIES", " cn, kz "))
                .portal().smsCountries());
        assertTrue(assertThrows(UserError.class, () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(),
                "STEPPE_DB_URL", "mysql://db?password=hunter2"))).getMessage().startsWith("STEPPE_DB_URL must be a PostgreSQL JDBC URL"));
        Files.writeString(home.resolve("steppe.conf"), "STEPPE_PORTLA_PORT=9080\n");
        assertTrue(assertThrows(UserError.class, () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString())))
                .getMessage().endsWith("has unknown key(s) STEPPE_PORTLA_PORT"));
    }

    @Test
    void radsecNeedsAllThreeFiles() throws Exception {
        Path cert = Files.writeString(home.resolve("cert.pem"), "x");
        assertEquals("RadSec needs STEPPE_RADSEC_CERT, STEPPE_RADSEC_KEY, STEPPE_RADSEC_CA; missing STEPPE_RADSEC_KEY, STEPPE_RADSEC_CA",
                assertThrows(UserError.class, () -> SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(),
                        "STEPPE_RADSEC_CERT", cert.toString()))).getMessage());
        assertTrue(SteppeConfig.load(Map.of("STEPPE_HOME", home.toString())).radsecTls().isEmpty(), "off by default");
    }

    @Test
    void databasePasswordIsNeverShown() {
        SteppeConfig config = SteppeConfig.load(Map.of("STEPPE_HOME", home.toString(),
                "STEPPE_DB_URL", "jdbc:postgresql://db:5432/steppe", "STEPPE_DB_PASSWORD", "hunter2"));
        assertFalse(config.toString().contains("hunter2"), config.toString());
    }
}
