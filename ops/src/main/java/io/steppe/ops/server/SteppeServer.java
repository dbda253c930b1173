package io.steppe.ops.server;

import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.steppe.ops.compliance.AccessLog;
import io.steppe.ops.metrics.PrometheusComplianceMetrics;
import io.steppe.ops.metrics.PrometheusPortalMetrics;
import io.steppe.ops.metrics.PrometheusRetentionMetrics;
import io.steppe.db.retention.PartitionMaintenance;
import io.steppe.ops.metrics.PrometheusTlsMetrics;
import io.steppe.ops.tls.CertificateReloader;
import io.steppe.ops.tls.ServerCertificate;
import io.micronaut.http.ssl.CertificateProvider;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.steppe.portal.ac.AccessControllers;
import io.steppe.portal.ac.PortalServer;
import io.steppe.radius.coa.PortalLogout;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.micronaut.context.ApplicationContext;
import io.steppe.web.ConsoleSettings;
import io.micronaut.runtime.server.EmbeddedServer;
import io.steppe.controller.ControllerService;
import io.steppe.controller.ap.ApRepository;
import io.steppe.coverage.Coverage;
import io.steppe.coverage.SampleWindowJob;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.AuditLog;
import io.steppe.db.Database;
import io.steppe.db.keys.KeyCheck;
import io.steppe.db.keys.SecretKeys;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.UserError;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.ConsoleSessions;
import io.steppe.web.account.LoginThrottle;
import io.steppe.web.account.ThrottlePolicy;
import io.steppe.web.account.PasswordHasher;
import io.steppe.ops.metrics.SteppeMetrics;
import io.steppe.ops.web.Ticker;
import io.steppe.web.Listeners;
import io.steppe.ops.metrics.PrometheusClusterMetrics;
import io.steppe.ops.metrics.PrometheusControllerMetrics;
import io.steppe.ops.metrics.PrometheusCoverageMetrics;
import io.steppe.ops.metrics.PrometheusLoginMetrics;
import io.steppe.ops.metrics.PrometheusRadiusMetrics;
import io.steppe.radius.RadiusService;
import io.steppe.radius.auth.AccessPolicyConfig;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.transport.RadSecConfig;
import io.steppe.radius.transport.RadiusServerConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import io.steppe.portal.PortalSettings;
import io.steppe.portal.sms.LogSmsSender;
import io.steppe.portal.login.CredentialIssuer;
import io.steppe.portal.sms.MobileNumbers;
import io.steppe.portal.sms.OutboxSmsSender;
import io.steppe.portal.sms.SmsLimits;
import io.steppe.portal.sms.SmsLogin;
import io.steppe.portal.sms.SmsSender;
import io.steppe.portal.sms.WebhookSmsSender;
import java.net.URI;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Steppe service in one process: the database, the RADIUS server, then the HTTP listeners (portal
 * and API). Started by
 * {@link #start}, stopped by {@link #close}: new connections are refused at once, requests in flight
 * are given a grace period, and the embedded database is shut down cleanly last.
 */
public final class SteppeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SteppeServer.class);
    /** What requests in flight get to finish on shutdown, inside the 10 s a supervisor allows. */
    private static final Duration GRACE = Duration.ofSeconds(6);
    /**
     * The largest request body: a coverage upload, streamed into the importer. The 10-million-row log is
     * about 1.2 GB as G-NetTrack Pro writes it (~120 bytes a row), so 2 GB takes it with room; beyond that the
     * CLI, which reads the file itself, is the way.
     */
    static final String MAX_UPLOAD = "2GB";
    /** The largest body the server holds in memory whole (every endpoint but the streamed upload): the former limit. */
    static final String MAX_BUFFERED = "16MB";
    private static final Duration CONSOLE_SESSION_LIFETIME = Duration.ofHours(12);
    /** Three tries of 3 s for each request to an AC, as the portals ACs are tested with. */
    private static final Duration PORTAL_PROTOCOL_WAIT = Duration.ofSeconds(3);
    private static final int PORTAL_PROTOCOL_ATTEMPTS = 3;
    /** Logins and logouts waiting for ACs at once: far above a city's rate (a login takes milliseconds), a bound for a flood. */
    private static final int PORTAL_PROTOCOL_IN_FLIGHT = 4096;
    /** How often the certificate files are looked at for a renewal. */
    private static final Duration TLS_CHECK_EVERY = Duration.ofSeconds(5);

    private final SteppeConfig config;
    private final Database database;
    private final RadiusService radius;
    private final ControllerService controller;
    private final ApplicationContext context;
    private final Listeners listeners;
    private final Cluster cluster;
    private final PortalServer portalProtocol;
    private final HashedWheelTimer portalTimer;
    private final RetentionJob retention;
    /** Null without a certificate. */
    private final CertificateReloader certificate;
    private final SampleWindowJob coverageWindow;

    private SteppeServer(SteppeConfig config, Database database, RadiusService radius, ControllerService controller,
                         ApplicationContext context, Listeners listeners, Cluster cluster, PortalServer portalProtocol,
                         HashedWheelTimer portalTimer, RetentionJob retention, CertificateReloader certificate,
                         SampleWindowJob coverageWindow) {
        this.retention = retention;
        this.certificate = certificate;
        this.coverageWindow = coverageWindow;
        this.portalProtocol = portalProtocol;
        this.portalTimer = portalTimer;
        this.config = config;
        this.database = database;
        this.radius = radius;
        this.controller = controller;
        this.context = context;
        this.listeners = listeners;
        this.cluster = cluster;
    }

    public static SteppeServer start(SteppeConfig config, Clock clock) {
        int portalPort = PortCheck.claim(config.portalBind(), config.portalPort(), "STEPPE_PORTAL_PORT, the captive portal");
        int apiPort = PortCheck.claim(config.apiBind(), config.apiPort(), "STEPPE_API_PORT, console and APIs");
        Listeners listeners = listeners(config, portalPort, apiPort);

        SecretKeys keys = SecretKeysFile.load(config.home());
        Database database = Database.open(config.database());
        LOG.info("database: {}", database.description());
        AuditLog.sourceFrom(database.dsl(), AuditSources.httpClient());
        RadiusService radius = null;
        ControllerService controller = null;
        Cluster cluster = null;
        PortalServer portalProtocol = null;
        RetentionJob retention = null;
        CertificateReloader certificate = null;
        HashedWheelTimer portalTimer = new HashedWheelTimer(new DefaultThreadFactory("steppe-portal2-timer", true), 50, TimeUnit.MILLISECONDS);
        try {
            try {
                KeyCheck.verify(database.dsl(), keys);
            } catch (IllegalStateException e) {
                throw new UserError(e.getMessage(), e);
            }
            cluster = Cluster.join(database, clock, apiAddress(config, apiPort));
            SteppeMetrics metrics = new SteppeMetrics();
            metrics.registerPool(database::pool, config.database().poolSize());
            PrometheusClusterMetrics.register(metrics.registry(), cluster.registry(), cluster.singletons()::held);
            PrometheusLoginMetrics logins = new PrometheusLoginMetrics(metrics.registry());
            retention = RetentionJob.start(new PartitionMaintenance(database.dsl(), clock, Duration.ofDays(config.retentionDays()),
                    new PrometheusRetentionMetrics(metrics.registry())), clock, cluster.singletons()::held);
            PrometheusComplianceMetrics.register(metrics.registry(), database.dsl());
            if (config.tls().isPresent()) {
                SteppeConfig.TlsFiles files = config.tls().get();
                certificate = namingTheFile(() -> CertificateReloader.start(files, TLS_CHECK_EVERY));
                PrometheusTlsMetrics.register(metrics.registry(), certificate.current()::expiry);
            }
            AccessControllers controllers = new AccessControllers(database.dsl(), keys);
            portalProtocol = startPortalProtocol(config, controllers, portalTimer);
            PrometheusPortalMetrics.register(metrics.registry(), portalProtocol.counters());
            PortalServer acs = portalProtocol;
            radius = startRadius(config, database, keys, clock, metrics, cluster.singletons()::held, (gateway, user) -> controllers.named(gateway)
                    .map(ac -> acs.logout(ac, user).thenApply(r -> r.outcome() == PortalServer.Outcome.SUCCESS)));
            radius.follow(cluster.notices());
            SecureRandom random = new SecureRandom();
            ApRepository aps = new ApRepository(database.dsl(), random, clock);
            controller = new ControllerService(database.dsl(), aps, config.controller(), clock, System::nanoTime,
                    cluster.singletons()::held).start();
            PrometheusControllerMetrics.register(metrics.registry(), controller);
            List<Object> beans = new ArrayList<>(List.of(database, keys, metrics, listeners, clock, (Ticker) System::nanoTime,
                    radius, controller, cluster.registry(),
                    new DatabaseHealth(database),
                    new RadiusHealth(radius),
                    new AccountRepository(database.dsl(), PasswordHasher.standard()),
                    new ConsoleSessions(database.dsl(), clock, CONSOLE_SESSION_LIFETIME, random),
                    new LoginThrottle(database.dsl(), clock, ThrottlePolicy.standard()),
                    new NasRepository(database.dsl(), keys),
                    aps));
            beans.add(portalProtocol);
            beans.add(new RadiusClientSessions(database.dsl(), radius));
            beans.add(new RadiusVoucherLogin(radius));
            beans.add(logins);
            Coverage coverage = new Coverage(database, config.coverage(), H3Grid.load(), clock, config.home().resolve("reports"),
                    new PrometheusCoverageMetrics(metrics.registry()));
            beans.add(coverage);
            beans.add(certificate == null
                    ? new PortalSettings(PortalUrl.of(config, portalPort), config.allowance().dailyMinutes(), config.allowance().dailyMegabytes())
                    : new PortalSettings(PortalUrl.secure(config, listeners.portalTlsPort()), config.allowance().dailyMinutes(),
                            config.allowance().dailyMegabytes(), true));
            beans.add(new ConsoleSettings(config.console().zone(), clock, config.console().city()));
            beans.add(new MobileNumbers(config.portal().smsCountries()));
            beans.add(new AccessLog(database.dsl(), PhoneKey.vault(config.home(), random), keys, config.console().zone()));
            Optional<SmsSender> sender = switch (config.sms()) {
                case NONE -> Optional.empty();
                case LOG -> Optional.of(new LogSmsSender());
                case OUTBOX -> Optional.of(new OutboxSmsSender(clock));
                case WEBHOOK -> Optional.of(new WebhookSmsSender(config.smsWebhookUrl().orElseThrow()));
            };
            if (sender.isPresent()) {
                beans.add(sender.get());
                SmsLogin sms = new SmsLogin(database.dsl(), clock, random, PhoneKey.vault(config.home(), random),
                        new CredentialIssuer(database.dsl(), keys, clock, random), sender.get(),
                        new SmsLimits(config.smsGatewayLimit(), config.portal().smsHourlyBudget()),
                        new SmsBudgetAlert(database.dsl(), metrics.registry()));
                logins.budget(sms);
                beans.add(sms);
            } else {
                LOG.info("sms: no sender configured (STEPPE_SMS), so the portal offers voucher logins only");
            }
            ApplicationContext context = ApplicationContext.builder()
                    .deduceEnvironment(false)
                    .banner(false)
                    .properties(micronautProperties(config, listeners))
                    .singletons(beans.toArray())
                    .start();
            if (certificate != null) {
                context.registerSingleton(CertificateProvider.class, certificate, Qualifiers.byName(CertificateReloader.NAME));
            }
            try {
                context.getBean(EmbeddedServer.class).start();
            } catch (RuntimeException e) {
                context.close();
                throw new UserError("cannot start the HTTP listeners on ports " + portalPort + " and " + apiPort
                        + ": " + rootMessage(e), e);
            }
            LOG.info("portal: listening on http://{}:{}/, known to clients as {}", config.portalBind(), portalPort,
                    context.getBean(PortalSettings.class).publicUrl());
            if (certificate != null) {
                LOG.info("portal: login forms on https://{}:{}/ with {}", config.portalBind(), listeners.portalTlsPort(), certificate.current());
            }
            LOG.info("api: listening on {}://{}:{}/ (console /console/, /health, /metrics)", certificate == null ? "http" : "https",
                    config.apiBind(), apiPort);
            LOG.info("portal protocol: listening on udp://{}:{} for access controllers", config.bindAddress(), portalProtocol.port());
            return new SteppeServer(config, database, radius, controller, context, listeners, cluster, portalProtocol, portalTimer,
                    retention, certificate, new SampleWindowJob(coverage, cluster.singletons()::held).start());
        } catch (RuntimeException e) {
            if (retention != null) {
                retention.close();
            }
            if (certificate != null) {
                certificate.close();
            }
            if (portalProtocol != null) {
                portalProtocol.close();
            }
            portalTimer.stop();
            if (controller != null) {
                controller.close();
            }
            if (radius != null) {
                radius.close();
            }
            if (cluster != null) {
                cluster.close();
            }
            database.close();
            throw e;
        }
    }

    /**
     * The listeners' ports; with a certificate, the HTTPS port of the portal too, and the files checked before anything
     * starts, so that a wrong one stops start-up with a line that names it.
     */
    private static Listeners listeners(SteppeConfig config, int portalPort, int apiPort) {
        if (portalPort == apiPort) {
            throw new UserError("STEPPE_PORTAL_PORT and STEPPE_API_PORT are both " + portalPort + "; they must differ");
        }
        if (config.tls().isEmpty()) {
            return new Listeners(portalPort, apiPort);
        }
        namingTheFile(() -> ServerCertificate.load(config.tls().get()));
        int tlsPort = PortCheck.claim(config.portalBind(), config.portal().tlsPort(), "STEPPE_PORTAL_TLS_PORT, the portal's login forms over HTTPS");
        if (tlsPort == portalPort || tlsPort == apiPort) {
            throw new UserError("STEPPE_PORTAL_TLS_PORT is " + tlsPort + ", as STEPPE_PORTAL_PORT or STEPPE_API_PORT is; they must differ");
        }
        return new Listeners(portalPort, apiPort, tlsPort);
    }

    /** What {@code load} returns; its one-line refusal, which names the key and file, as the user's error. */
    private static <T> T namingTheFile(java.util.function.Supplier<T> load) {
        try {
            return load.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** The Portal protocol's UDP socket, for access controllers; NTF_LOGOUT is logged (the AC's accounting ends the session). */
    private static PortalServer startPortalProtocol(SteppeConfig config, AccessControllers controllers, HashedWheelTimer timer) {
        int port = config.portal().protocolPort();
        try {
            return new PortalServer(new PortalServer.Settings(new InetSocketAddress(config.bindAddress(), port), PORTAL_PROTOCOL_WAIT,
                    PORTAL_PROTOCOL_ATTEMPTS, PORTAL_PROTOCOL_IN_FLIGHT), timer, controllers::at,
                    notice -> LOG.info("{} logged {} off{}", notice.ac().name(), notice.userIp().getHostAddress(),
                            notice.text().map(t -> " (" + t + ")").orElse("")));
        } catch (Exception e) {
            if (e instanceof java.net.BindException) {
                throw new UserError("port " + port + " (STEPPE_PORTAL2_PORT, the Portal protocol, UDP) is already in use on " + config.bindAddress(), e);
            }
            throw e;
        }
    }

    /** Where operators reach this node's API, as the other nodes list it. */
    private static String apiAddress(SteppeConfig config, int apiPort) {
        String host = config.apiBind();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "localhost";
            }
        }
        return host.contains(":") ? "[" + host + "]:" + apiPort : host + ":" + apiPort;
    }

    private static RadiusService startRadius(SteppeConfig config, Database database, SecretKeys keys, Clock clock,
                                             SteppeMetrics metrics, BooleanSupplier singleton, PortalLogout portalLogout) {
        try {
            return RadiusService.start(
                    RadiusServerConfig.defaults(config.bindAddress(), config.radiusAuthPort(), config.radiusAcctPort()),
                    config.radsecTls().map(f -> new RadSecConfig(config.bindAddress(), config.radsecPort(), f.certificate(),
                            f.privateKey(), f.trustedCa())),
                    policy(config.allowance()), database.dsl(), keys, clock, System::nanoTime, new PrometheusRadiusMetrics(metrics.registry()),
                    singleton, portalLogout);
        } catch (java.io.UncheckedIOException e) {
            throw new UserError(e.getCause().getMessage(), e);
        }
    }

    private static AccessPolicyConfig policy(SteppeConfig.Allowance allowance) {
        AccessPolicyConfig defaults = AccessPolicyConfig.defaults();
        return new AccessPolicyConfig(Duration.ofMinutes(allowance.dailyMinutes()), allowance.dailyMegabytes() * 1024L * 1024L,
                defaults.maxDevicesOnline(), Duration.ofDays(allowance.rememberDays()), defaults.zone(), defaults.grant());
    }

    private static Map<String, Object> micronautProperties(SteppeConfig config, Listeners listeners) {
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.application.name", "steppe");
        p.put("micronaut.server.netty.listeners.portal.host", config.portalBind());
        p.put("micronaut.server.netty.listeners.portal.port", listeners.portalPort());
        p.put("micronaut.server.netty.listeners.api.host", config.apiBind());
        p.put("micronaut.server.netty.listeners.api.port", listeners.apiPort());
        if (listeners.portalTlsPort() != Listeners.NONE) {
            // the API listener speaks TLS only; the portal keeps plain HTTP for gateways' redirects and gains an HTTPS twin.
            // Micronaut reads protocols and the like from the server's SSL configuration, which exists only when enabled;
            // with the listeners named here, enabling it opens no listener of its own.
            p.put("micronaut.server.ssl.enabled", true);
            p.put("micronaut.server.ssl.key-name", CertificateReloader.NAME);
            p.put("micronaut.server.netty.listeners.api.ssl", true);
            p.put("micronaut.server.netty.listeners.api.key-name", CertificateReloader.NAME);
            p.put("micronaut.server.netty.listeners.portal-tls.host", config.portalBind());
            p.put("micronaut.server.netty.listeners.portal-tls.port", listeners.portalTlsPort());
            p.put("micronaut.server.netty.listeners.portal-tls.ssl", true);
            p.put("micronaut.server.netty.listeners.portal-tls.key-name", CertificateReloader.NAME);
        }
        // a streamed body (the coverage upload, read as it arrives) may be as large as a long drive-test log; a body
        // bound whole (JSON, forms, everything else) still stops at the buffer size, as before
        p.put("micronaut.server.max-request-size", MAX_UPLOAD);
        p.put("micronaut.server.max-request-buffer-size", MAX_BUFFERED);
        p.put("micronaut.server.server-header", "steppe");
        p.put("micronaut.lifecycle.graceful-shutdown.enabled", true);
        p.put("micronaut.lifecycle.graceful-shutdown.grace-period", GRACE.toSeconds() + "s");
        return p;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public Listeners listeners() {
        return listeners;
    }

    /** What the database's secrets are sealed with. */
    public SecretKeys keys() {
        return context.getBean(SecretKeys.class);
    }

    public Database database() {
        return database;
    }

    public RadiusService radius() {
        return radius;
    }

    public SteppeConfig config() {
        return config;
    }

    public ControllerService controller() {
        return controller;
    }

    /** The Portal protocol's socket, through which access controllers log users on and off. */
    public PortalServer portalProtocol() {
        return portalProtocol;
    }

    @Override
    public void close() {
        LOG.info("Stopping: no new connections, up to {} s for requests in flight", GRACE.toSeconds());
        try {
            coverageWindow.close();
            context.close();
            retention.close();
            if (certificate != null) {
                certificate.close();
            }
            portalProtocol.close();
            portalTimer.stop();
            controller.close();
            radius.close();
            cluster.close();
        } finally {
            database.close();
            LOG.info("Stopped");
        }
    }
}
