package io.steppe.ops;

import io.steppe.controller.ControllerConfig;
import io.steppe.coverage.CoverageConfig;
import io.steppe.db.DatabaseConfig;
import io.steppe.web.CityBounds;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Steppe's configuration, read once from the environment and an optional file of the same keys, and
 * validated here so that nothing later has to doubt it. A wrong value is a {@link UserError} naming the key.
 *
 * @param home            {@code STEPPE_HOME}: data and state (default {@code ./steppe-data})
 * @param database        {@code STEPPE_DB_URL}, {@code STEPPE_DB_USER}, {@code STEPPE_DB_PASSWORD}
 * @param bindAddress     {@code STEPPE_BIND_ADDRESS}: the address the listeners bind to (default all); the default of the two below
 * @param portalPort      {@code STEPPE_PORTAL_PORT}: the captive portal (default 8080)
 * @param apiPort         {@code STEPPE_API_PORT}: console, APIs, heartbeats, metrics, health (default 8081)
 * @param portalBind      {@code STEPPE_PORTAL_BIND}: the address the portal listener binds to, the Wi-Fi clients' side
 * @param apiBind         {@code STEPPE_API_BIND}: the address the API listener binds to, on the operations network
 * @param radiusAuthPort  {@code STEPPE_RADIUS_AUTH_PORT} (default 1812)
 * @param radiusAcctPort  {@code STEPPE_RADIUS_ACCT_PORT} (default 1813)
 * @param radsecPort      {@code STEPPE_RADSEC_PORT} (default 2083)
 * @param sms             {@code STEPPE_SMS}: {@code none} (the default: no SMS login), {@code webhook}, {@code log} or {@code outbox}
 * @param smsWebhookUrl   {@code STEPPE_SMS_WEBHOOK_URL}, required with {@code webhook}
 * @param radsecTls       {@code STEPPE_RADSEC_CERT}, {@code STEPPE_RADSEC_KEY}, {@code STEPPE_RADSEC_CA}: PEM files; RadSec
 *                        is on only when all three are given
 * @param allowance       {@code STEPPE_DAILY_MINUTES} (120), {@code STEPPE_DAILY_MB} (1024), {@code STEPPE_REMEMBER_DAYS} (7)
 * @param smsGatewayLimit {@code STEPPE_SMS_GATEWAY_LIMIT}: codes one gateway may ask for per minute (60)
 * @param controller      the AP controller's {@code STEPPE_AP_*} keys (see {@link ControllerKeys})
 * @param coverage        {@code STEPPE_COVERAGE_*}: the coverage method's thresholds (see {@link CoverageKeys})
 * @param portal          {@code STEPPE_PORTAL_URL}, {@code STEPPE_SMS_COUNTRIES}, {@code STEPPE_SMS_HOURLY_BUDGET} (see {@link Portal})
 * @param console         {@code STEPPE_ZONE}, {@code STEPPE_CITY_BOUNDS} (see {@link Console})
 * @param retentionDays   {@code STEPPE_RETENTION_DAYS}: how long closed sessions, CoA requests, SMS codes and the hourly
 *                        AP history are kept (default 180, at least {@value #MIN_RETENTION_DAYS}); a month of them is
 *                        dropped once all of it is older
 * @param tls             {@code STEPPE_TLS_CERT}, {@code STEPPE_TLS_KEY}: PEM files; with them the API listener speaks HTTPS
 *                        only and the portal's login forms are served on {@code STEPPE_PORTAL_TLS_PORT}
 */
public record SteppeConfig(Path home, DatabaseConfig database, String bindAddress, int portalPort, int apiPort,
                           String portalBind, String apiBind,
                           int radiusAuthPort, int radiusAcctPort, int radsecPort, Sms sms,
                           Optional<URI> smsWebhookUrl, Optional<RadSecFiles> radsecTls, Allowance allowance,
                           int smsGatewayLimit, ControllerConfig controller, CoverageConfig coverage,
                           Portal portal, Console console, int retentionDays,
                          Optional<TlsFiles> tls) {

    /**
     * The least {@code STEPPE_RETENTION_DAYS} may be: the 60 days the Ministry of Public Security's Order 82 asks
     * access logs to be kept.
     */
    public static final int MIN_RETENTION_DAYS = 60;

    /** Each subscriber's free daily allowance, and how long a device that logged in is let back in by MAC. */
    public record Allowance(int dailyMinutes, int dailyMegabytes, int rememberDays) {
    }

    /** The PEM files of RadSec: the server's certificate chain and key, and the CA that signs gateways' certificates. */
    public record RadSecFiles(Path certificate, Path privateKey, Path trustedCa) {
        @Override
        public String toString() {
            return "RadSecFiles[certificate=" + certificate + ", privateKey=***, trustedCa=" + trustedCa + "]";
        }
    }

    /** The PEM files the HTTPS listeners prove themselves with: the certificate chain, leaf first, and its private key. */
    public record TlsFiles(Path certificate, Path privateKey) {
        @Override
        public String toString() {
            return "TlsFiles[certificate=" + certificate + ", privateKey=***]";
        }
    }

    /**
     * How one-time codes leave Steppe: not at all ({@code NONE}, the portal offers vouchers only), to a provider
     * ({@code WEBHOOK}), into the log for development ({@code LOG}), or into the log and the admin-only dev outbox
     * ({@code OUTBOX}, what {@code steppe demo} uses).
     */
    public enum Sms { NONE, LOG, OUTBOX, WEBHOOK }

    /**
     * The portal's own settings.
     *
     * @param publicUrl       {@code STEPPE_PORTAL_URL}: the portal's URL as clients reach it, named by the RFC 8908 API
     *                        and WISPr; by default built from the portal's bound address and port
     * @param smsCountries    {@code STEPPE_SMS_COUNTRIES}: the countries whose mobile numbers get codes (default CN,MN,RU)
     * @param smsHourlyBudget {@code STEPPE_SMS_HOURLY_BUDGET}: codes all gateways may ask for per hour (default
     *                        {@value io.steppe.portal.sms.SmsLimits#DEFAULT_HOURLY_BUDGET}, see
     *                        {@link io.steppe.portal.sms.SmsLimits#DEFAULT_HOURLY_BUDGET})
     * @param protocolPort    {@code STEPPE_PORTAL2_PORT}: the UDP port of the Portal protocol, where access controllers
     *                        answer and send NTF_LOGOUT (default 50100; 0: any free port)
     * @param tlsPort         {@code STEPPE_PORTAL_TLS_PORT}: where the login forms are served over HTTPS once
     *                        {@code STEPPE_TLS_CERT} is set (default 8443; 0: any free port)
     */
    public record Portal(Optional<URI> publicUrl, Set<String> smsCountries, int smsHourlyBudget, int protocolPort, int tlsPort) {
    }

    /**
     * Where the console's people and the city are.
     *
     * @param zone {@code STEPPE_ZONE}: the time zone every time on the console and in human-readable API fields is
     *             shown in (default Asia/Shanghai)
     * @param city {@code STEPPE_CITY_BOUNDS}: {@code south,west,north,east} in degrees; maps are fitted to it and
     *             leave out what lies outside (default: none, the whole world)
     */
    public record Console(ZoneId zone, CityBounds city) {
    }

    /** The keys Steppe reads; any other {@code STEPPE_} key in the config file is a mistake worth naming. */
    static final Set<String> KEYS = union(union(ControllerKeys.KEYS, CoverageKeys.KEYS), Set.of("STEPPE_HOME", "STEPPE_CONFIG", "STEPPE_DB_URL", "STEPPE_DB_USER",
            "STEPPE_DB_PASSWORD", "STEPPE_BIND_ADDRESS", "STEPPE_PORTAL_PORT", "STEPPE_API_PORT", "STEPPE_PORTAL_BIND", "STEPPE_API_BIND",
            "STEPPE_RADIUS_AUTH_PORT", "STEPPE_RADIUS_ACCT_PORT", "STEPPE_RADSEC_PORT", "STEPPE_SMS",
            "STEPPE_SMS_WEBHOOK_URL", "STEPPE_RADSEC_CERT", "STEPPE_RADSEC_KEY", "STEPPE_RADSEC_CA", "STEPPE_DAILY_MINUTES",
            "STEPPE_DAILY_MB", "STEPPE_REMEMBER_DAYS", "STEPPE_SMS_GATEWAY_LIMIT", "STEPPE_SMS_COUNTRIES", "STEPPE_SMS_HOURLY_BUDGET",
            "STEPPE_PORTAL_URL", "STEPPE_PORTAL2_PORT", "STEPPE_ZONE", "STEPPE_CITY_BOUNDS", "STEPPE_RETENTION_DAYS",
            "STEPPE_TLS_CERT", "STEPPE_TLS_KEY", "STEPPE_PORTAL_TLS_PORT"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * Reads the configuration: the file named by {@code STEPPE_CONFIG}, else {@code $STEPPE_HOME/steppe.conf}
     * if it exists (Java properties, the same keys), overridden by the environment.
     */
    public static SteppeConfig load(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        Path home = Path.of(environment.getOrDefault("STEPPE_HOME", "steppe-data")).toAbsolutePath().normalize();
        Optional<Path> file = Optional.ofNullable(environment.get("STEPPE_CONFIG")).map(Path::of)
                .or(() -> Optional.of(home.resolve("steppe.conf")).filter(Files::isRegularFile));
        file.ifPresent(f -> values.putAll(readFile(f)));
        environment.forEach((k, v) -> {
            if (KEYS.contains(k)) {
                values.put(k, v);
            }
        });
        return fromValues(values);
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UserError("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new UserError("config file " + file + " has unknown key(s) " + String.join(", ", unknown));
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
        return values;
    }

    /** The same configuration with other AP controller settings (the demo keeps probes on loopback). */
    public SteppeConfig withController(ControllerConfig settings) {
        return new SteppeConfig(home, database, bindAddress, portalPort, apiPort, portalBind, apiBind, radiusAuthPort, radiusAcctPort, radsecPort, sms,
                smsWebhookUrl, radsecTls, allowance, smsGatewayLimit, settings, coverage, portal, console, retentionDays, tls);
    }

    /** The same configuration with another way of sending codes (the demo keeps them in the dev outbox). */
    public SteppeConfig withSms(Sms other) {
        return new SteppeConfig(home, database, bindAddress, portalPort, apiPort, portalBind, apiBind, radiusAuthPort, radiusAcctPort,
                radsecPort, other, smsWebhookUrl, radsecTls, allowance, smsGatewayLimit, controller, coverage, portal, console, retentionDays, tls);
    }

    /** The same configuration with the city's extent (the demo fits its maps to Ulanqab). */
    public SteppeConfig withCity(CityBounds city) {
        return new SteppeConfig(home, database, bindAddress, portalPort, apiPort, portalBind, apiBind, radiusAuthPort, radiusAcctPort,
                radsecPort, sms, smsWebhookUrl, radsecTls, allowance, smsGatewayLimit, controller, coverage, portal,
                new Console(console.zone(), city), retentionDays, tls);
    }

    static SteppeConfig fromValues(Map<String, String> values) {
        Path home = Path.of(values.getOrDefault("STEPPE_HOME", "steppe-data")).toAbsolutePath().normalize();
        Optional<String> url = nonBlank(values, "STEPPE_DB_URL");
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:postgresql:")) {
                throw new UserError("STEPPE_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB), was '"
                        + DatabaseConfig.redact(u) + "'");
            }
        });
        DatabaseConfig database = new DatabaseConfig(url, nonBlank(values, "STEPPE_DB_USER"),
                nonBlank(values, "STEPPE_DB_PASSWORD"), home, 10, true);
        Sms sms = switch (values.getOrDefault("STEPPE_SMS", "none").trim().toLowerCase(Locale.ROOT)) {
            case "none", "" -> Sms.NONE;
            case "log" -> Sms.LOG;
            case "outbox" -> Sms.OUTBOX;
            case "webhook" -> Sms.WEBHOOK;
            default -> throw new UserError("STEPPE_SMS must be 'none', 'webhook', 'log' or 'outbox', was '" + values.get("STEPPE_SMS") + "'");
        };
        Optional<URI> webhook = nonBlank(values, "STEPPE_SMS_WEBHOOK_URL").map(v -> httpUri("STEPPE_SMS_WEBHOOK_URL", v));
        if (sms == Sms.WEBHOOK && webhook.isEmpty()) {
            throw new UserError("STEPPE_SMS=webhook needs STEPPE_SMS_WEBHOOK_URL");
        }
        String bind = address(values, "STEPPE_BIND_ADDRESS", "0.0.0.0");
        return new SteppeConfig(home, database, bind,
                port(values, "STEPPE_PORTAL_PORT", 8080), port(values, "STEPPE_API_PORT", 8081),
                address(values, "STEPPE_PORTAL_BIND", bind), address(values, "STEPPE_API_BIND", bind),
                port(values, "STEPPE_RADIUS_AUTH_PORT", 1812), port(values, "STEPPE_RADIUS_ACCT_PORT", 1813),
                port(values, "STEPPE_RADSEC_PORT", 2083), sms, webhook, radsecFiles(values),
                new Allowance(number(values, "STEPPE_DAILY_MINUTES", 120, 1, 1440), number(values, "STEPPE_DAILY_MB", 1024, 1, 1_048_576),
                        number(values, "STEPPE_REMEMBER_DAYS", 7, 0, 365)),
                number(values, "STEPPE_SMS_GATEWAY_LIMIT", io.steppe.portal.sms.SmsLimits.DEFAULT_GATEWAY_PER_MINUTE, 1, 1_000_000),
                ControllerKeys.fromValues(values), CoverageKeys.fromValues(values), portal(values), console(values),
                retentionDays(values), tlsFiles(values));
    }

    private static int retentionDays(Map<String, String> values) {
        String value = values.get("STEPPE_RETENTION_DAYS");
        if (value == null || value.isBlank()) {
            return 180;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= MIN_RETENTION_DAYS && days <= 36_500) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("STEPPE_RETENTION_DAYS must be a whole number of days from " + MIN_RETENTION_DAYS
                + " (the least access logs must be kept) to 36500, was '" + value + "'");
    }

    private static Console console(Map<String, String> values) {
        ZoneId zone;
        String zoneName = values.getOrDefault("STEPPE_ZONE", "Asia/Shanghai").trim();
        try {
            zone = ZoneId.of(zoneName);
        } catch (java.time.DateTimeException e) {
            throw new UserError("STEPPE_ZONE must be a time zone such as Asia/Shanghai, was '" + zoneName + "'", e);
        }
        CityBounds city = CityBounds.WORLD;
        Optional<String> bounds = nonBlank(values, "STEPPE_CITY_BOUNDS");
        if (bounds.isPresent()) {
            try {
                city = CityBounds.parse(bounds.get());
            } catch (IllegalArgumentException e) {
                throw new UserError("STEPPE_CITY_BOUNDS must be south,west,north,east in degrees such as 39.6,110.3,43.4,114.9: "
                        + e.getMessage(), e);
            }
        }
        return new Console(zone, city);
    }

    private static Portal portal(Map<String, String> values) {
        Optional<URI> url = nonBlank(values, "STEPPE_PORTAL_URL").map(v -> httpUri("STEPPE_PORTAL_URL", v));
        url.ifPresent(u -> {
            try {
                io.steppe.portal.PortalSettings.checkedUrl(u);
            } catch (IllegalArgumentException e) {
                throw new UserError("STEPPE_PORTAL_URL must be http(s)://HOST[:PORT]/[PATH] without a query, was '" + u + "'");
            }
        });
        Set<String> countries = new TreeSet<>();
        for (String c : values.getOrDefault("STEPPE_SMS_COUNTRIES", "CN,MN,RU").split(",")) {
            if (!c.isBlank()) {
                countries.add(c.trim().toUpperCase(Locale.ROOT));
            }
        }
        try {
            new io.steppe.portal.sms.MobileNumbers(countries);
        } catch (IllegalArgumentException e) {
            throw new UserError("STEPPE_SMS_COUNTRIES must list ISO country codes such as CN,MN,RU: " + e.getMessage(), e);
        }
        return new Portal(url, Set.copyOf(countries), number(values, "STEPPE_SMS_HOURLY_BUDGET",
                io.steppe.portal.sms.SmsLimits.DEFAULT_HOURLY_BUDGET, 1, 10_000_000), port(values, "STEPPE_PORTAL2_PORT", 50100),
                port(values, "STEPPE_PORTAL_TLS_PORT", 8443));
    }

    static int number(Map<String, String> values, String key, int defaultValue, int min, int max) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(key + " must be a whole number " + min + ".." + max + ", was '" + value + "'");
    }

    private static Optional<RadSecFiles> radsecFiles(Map<String, String> values) {
        String[] keys = {"STEPPE_RADSEC_CERT", "STEPPE_RADSEC_KEY", "STEPPE_RADSEC_CA"};
        java.util.List<String> given = java.util.Arrays.stream(keys).filter(k -> nonBlank(values, k).isPresent()).toList();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() < keys.length) {
            java.util.List<String> missing = java.util.Arrays.stream(keys).filter(k -> !given.contains(k)).toList();
            throw new UserError("RadSec needs " + String.join(", ", keys) + "; missing " + String.join(", ", missing));
        }
        Path[] files = new Path[keys.length];
        for (int i = 0; i < keys.length; i++) {
            files[i] = Path.of(values.get(keys[i]).trim());
            if (!Files.isReadable(files[i])) {
                throw new UserError(keys[i] + " names " + files[i] + ", which is not a readable file");
            }
        }
        return Optional.of(new RadSecFiles(files[0], files[1], files[2]));
    }

    /** Both files or neither; whether they hold a certificate and its key is checked when the listeners start. */
    private static Optional<TlsFiles> tlsFiles(Map<String, String> values) {
        Optional<String> certificate = nonBlank(values, "STEPPE_TLS_CERT");
        Optional<String> key = nonBlank(values, "STEPPE_TLS_KEY");
        if (certificate.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (certificate.isEmpty() || key.isEmpty()) {
            throw new UserError("HTTPS needs both STEPPE_TLS_CERT and STEPPE_TLS_KEY; missing "
                    + (certificate.isEmpty() ? "STEPPE_TLS_CERT" : "STEPPE_TLS_KEY"));
        }
        return Optional.of(new TlsFiles(readable("STEPPE_TLS_CERT", certificate.get()), readable("STEPPE_TLS_KEY", key.get())));
    }

    private static Path readable(String key, String value) {
        Path file = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError(key + " names " + file + ", which is not a readable file");
        }
        return file;
    }

    private static Optional<String> nonBlank(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** An address to listen on: an IPv4 or IPv6 literal or a host name, as a listener's bind takes it. */
    private static String address(Map<String, String> values, String key, String defaultAddress) {
        String value = nonBlank(values, key).orElse(defaultAddress);
        if (!value.matches("[0-9A-Za-z.:%_-]{1,253}")) {
            throw new UserError(key + " must be an IP address or host name to listen on (e.g. 10.20.0.5 or ::), was '" + value + "'");
        }
        return value;
    }

    /** A port number; 0 asks for any free port. */
    private static int port(Map<String, String> values, String key, int defaultPort) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(key + " must be a port number 0..65535, was '" + value + "'");
    }

    /** An http(s) URL with a host, or a {@link UserError} naming {@code key}. */
    static URI httpUri(String key, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UserError(key + " must be an http(s) URL, was '" + value + "'");
    }
}
