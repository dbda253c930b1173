package io.steppe.radius;

import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.steppe.db.cluster.CacheNotices;
import io.steppe.db.keys.SecretKeys;
import io.steppe.radius.accounting.AccountingStore;
import io.steppe.radius.accounting.AccountingWriter;
import io.steppe.radius.auth.AccessPolicyConfig;
import io.steppe.radius.auth.HotspotPolicy;
import io.steppe.radius.auth.QuotaEnforcer;
import io.steppe.radius.auth.VoucherIssuer;
import io.steppe.radius.coa.CoaClient;
import io.steppe.radius.coa.PortalLogout;
import io.steppe.radius.coa.SessionTerminator;
import io.steppe.radius.nas.GatewaySightings;
import io.steppe.radius.nas.MessageAuthenticatorSightings;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.server.DuplicateCache;
import io.steppe.radius.server.NasDirectory;
import io.steppe.radius.server.RequestDispatcher;
import io.steppe.radius.transport.RadSecConfig;
import io.steppe.radius.transport.RadiusServer;
import io.steppe.radius.transport.RadiusServerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steppe's RADIUS service as a whole: the listeners, the workers, the accounting writer and the
 * housekeeping (reloading gateways, expiring duplicates, closing stale sessions). Session partitions are made by
 * {@link io.steppe.db.retention.PartitionMaintenance}.
 */
public final class RadiusService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RadiusService.class);
    /** Added to twice the interim interval before an open session without updates counts as stale. */
    private static final Duration STALE_GRACE = Duration.ofMinutes(5);
    /** How often this node writes when it last heard each gateway; the console shows it to the nearest this. */
    private static final Duration SIGHTINGS_EVERY = Duration.ofSeconds(5);
    /** RFC 5176 leaves retransmission to the client; FreeRADIUS's originate-coa waits 3 s and tries 3 times. */
    private static final Duration COA_WAIT = Duration.ofSeconds(3);
    private static final int COA_ATTEMPTS = 3;

    private final RadiusServer server;
    private final NasDirectory directory;
    private final ThreadPoolExecutor workers;
    private final AccountingWriter accounting;
    private final ScheduledExecutorService housekeeping;
    private final HashedWheelTimer timer;
    private final CoaClient coa;
    private final SessionTerminator terminator;
    private final HotspotPolicy policy;

    private RadiusService(RadiusServer server, NasDirectory directory, ThreadPoolExecutor workers, AccountingWriter accounting,
                          ScheduledExecutorService housekeeping, HashedWheelTimer timer, CoaClient coa, SessionTerminator terminator,
                          HotspotPolicy policy) {
        this.policy = policy;
        this.server = server;
        this.directory = directory;
        this.workers = workers;
        this.accounting = accounting;
        this.housekeeping = housekeeping;
        this.timer = timer;
        this.coa = coa;
        this.terminator = terminator;
    }

    public static RadiusService start(RadiusServerConfig config, AccessPolicyConfig policy, DSLContext dsl, SecretKeys keys,
                                      Clock clock, LongSupplier nanoTime, RadiusMetrics metrics) {
        return start(config, java.util.Optional.empty(), policy, dsl, keys, clock, nanoTime, metrics, () -> true);
    }

    /**
     * @param keys what the database's secrets are sealed with ({@code $STEPPE_HOME/keys})
     * @param nanoTime the monotonic ticker for ages and latencies ({@code System::nanoTime} in production), beside the wall clock
     * @param singleton whether this node runs, now, the work that must happen once among the nodes sharing the database:
     *                  closing stale sessions and disconnecting who ran out of allowance
     */
    public static RadiusService start(RadiusServerConfig config, java.util.Optional<RadSecConfig> radsec, AccessPolicyConfig policy,
                                      DSLContext dsl, SecretKeys keys, Clock clock, LongSupplier nanoTime, RadiusMetrics metrics,
                                      BooleanSupplier singleton) {
        return start(config, radsec, policy, dsl, keys, clock, nanoTime, metrics, singleton, PortalLogout.NONE);
    }

    /** @param portalLogout how a user is logged off a gateway that is a Portal-protocol AC */
    public static RadiusService start(RadiusServerConfig config, java.util.Optional<RadSecConfig> radsec, AccessPolicyConfig policy,
                                      DSLContext dsl, SecretKeys keys, Clock clock, LongSupplier nanoTime, RadiusMetrics metrics,
                                      BooleanSupplier singleton, PortalLogout portalLogout) {
        NasRepository gateways = new NasRepository(dsl, keys);
        int sealed = gateways.sealClearSecrets();
        int hashed = new VoucherIssuer(dsl, keys, clock, new java.security.SecureRandom()).hashClearCodes();
        if (sealed + hashed > 0) {
            LOG.info("Sealed the secrets of {} gateway(s) and hashed {} voucher code(s) kept in clear by an earlier version", sealed, hashed);
        }
        NasDirectory directory = new NasDirectory(gateways, new MessageAuthenticatorSightings(dsl));
        directory.refresh();
        DuplicateCache duplicates = new DuplicateCache(config.duplicateTtl(), nanoTime);
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(config.workers(), config.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.workQueue()), r -> {
                    Thread t = new Thread(r, "steppe-radius-worker-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        AccountingStore store = new AccountingStore(keys);
        HotspotPolicy hotspot = new HotspotPolicy(dsl, keys, clock, nanoTime, policy);
        AccountingWriter accounting = new AccountingWriter(dsl, store, metrics, config.accountingBatch(), config.accountingQueue(),
                nanoTime, hotspot::accounted);
        metrics.inFlight(() -> workers.getActiveCount() + workers.getQueue().size(), () -> workers.getQueue().size() + accounting.queued());
        GatewaySightings sightings = new GatewaySightings(dsl, clock);
        RequestDispatcher dispatcher = new RequestDispatcher(directory, duplicates, hotspot, accounting, workers, metrics, clock, nanoTime, sightings);
        RadiusServer server;
        try {
            server = RadiusServer.start(config, radsec, dispatcher);
        } catch (RuntimeException e) {
            accounting.close();
            workers.shutdownNow();
            throw e;
        }
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steppe-radius-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(directory::refresh, 5, 5, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(duplicates::sweep, 5, 5, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(() -> flush(sightings), SIGHTINGS_EVERY.toSeconds(), SIGHTINGS_EVERY.toSeconds(), TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(() -> {
            if (singleton.getAsBoolean()) {
                closeStale(dsl, store, clock, policy, hotspot);
            }
        }, 60, 60, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(hotspot::sweep, 60, 60, TimeUnit.SECONDS);
        HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("steppe-radius-timer", true), 50, TimeUnit.MILLISECONDS);
        CoaClient coa = new CoaClient(timer, COA_WAIT, COA_ATTEMPTS);
        SessionTerminator terminator = new SessionTerminator(dsl, gateways, coa, clock, portalLogout, metrics);
        QuotaEnforcer quotas = new QuotaEnforcer(hotspot, terminator);
        housekeeping.scheduleWithFixedDelay(() -> {
            if (singleton.getAsBoolean()) {
                enforceQuotas(quotas);
            }
        }, 60, 60, TimeUnit.SECONDS);
        return new RadiusService(server, directory, workers, accounting, housekeeping, timer, coa, terminator, hotspot);
    }

    private static void closeStale(DSLContext dsl, AccountingStore store, Clock clock, AccessPolicyConfig policy, HotspotPolicy hotspot) {
        try {
            int closed = dsl.transactionResult(tx -> store.closeStale(tx.dsl(), clock.instant(), policy.grant().interimInterval(), STALE_GRACE));
            if (closed > 0) {
                hotspot.sessionsClosed();
                LOG.info("Closed {} stale session(s) whose gateway stopped reporting", closed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not close stale sessions: {}", e.getMessage());
        }
    }

    private static void flush(GatewaySightings sightings) {
        try {
            sightings.flush();
        } catch (RuntimeException e) {
            LOG.warn("Could not note when gateways were last heard: {}", e.getMessage());
        }
    }

    private static void enforceQuotas(QuotaEnforcer quotas) {
        try {
            int sent = quotas.enforce();
            if (sent > 0) {
                LOG.info("Asked gateways to disconnect {} session(s) whose allowance ran out", sent);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not enforce allowances: {}", e.getMessage());
        }
    }

    public int authPort() {
        return server.authPort();
    }

    public int acctPort() {
        return server.acctPort();
    }

    public java.util.OptionalInt radsecPort() {
        return server.radsecPort();
    }

    public boolean isUp() {
        return server.isUp() && !workers.isShutdown();
    }

    /** Follows other nodes' changes: what they made stale in this node's memory is dropped, gateways reloaded. */
    public void follow(CacheNotices notices) {
        policy.follow(notices);
        notices.onAny("nas", directory::refresh);
    }

    /** Reloads the gateways now rather than at the next periodic reload, after a change made in this process. */
    public void reloadGateways() {
        directory.refresh();
    }

    /** The free-Wi-Fi policy, for what a subscriber has left. */
    public HotspotPolicy policy() {
        return policy;
    }

    /** Ends sessions through their gateways: for operators and the portal's logout. */
    public SessionTerminator terminator() {
        return terminator;
    }

    /** Stops listening, lets the workers and the writer finish what they hold, then stops them. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        coa.close();
        timer.stop();
        server.close();
        try {
            directory.saveSightings();
        } catch (RuntimeException e) {
            LOG.warn("Could not save which gateways sent Message-Authenticator: {}", e.getMessage());
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        accounting.close();
    }
}
