package io.steppe.radius.auth;

import io.steppe.db.cluster.CacheNotices;
import io.steppe.db.commit.LazyCommit;
import io.steppe.db.keys.SecretKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.radius.packet.AccessAttempt;
import io.steppe.radius.packet.AccountingRecord;
import io.steppe.radius.packet.AuthDecision;
import io.steppe.radius.packet.Credential;
import io.steppe.radius.packet.RejectReason;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;

/**
 * The free-Wi-Fi policy: who may get online (a one-time portal credential, a voucher, or a remembered device) and
 * for how long (what is left of the day's allowance, or of the voucher's minutes).
 *
 * <p>Every attempt is decided by {@link HotspotRules} from an {@link AccessSnapshot}. Most Access-Requests come from
 * devices that were let in before (a remembered phone coming back, a voucher's device reconnecting), and those are
 * answered from the snapshot memory holds ({@link AccessCache}) when its rows settle the answer and nothing needs
 * writing. Everything else (a first login, a device bound to a voucher, a credential spent, a device remembered
 * afresh) is decided from a snapshot read from the database, whose effects are written in the same transaction and,
 * once committed, kept in memory.
 */
public final class HotspotPolicy implements AccessPolicy {

    /** Usage read from the database is read again after this, in case sessions were changed from outside. */
    private static final Duration USAGE_MAX_AGE = Duration.ofMinutes(5);
    /** A voucher's terms do not depend on the gateway; only the device remembered on one does, which is not read here. */
    private static final long NO_GATEWAY = -1;

    private final DSLContext dsl;
    private final SecretKeys keys;
    private final Clock clock;
    private final AccessCache cache;
    private final SnapshotReader reader;
    private final HotspotRules rules;
    private final EffectWriter writer = new EffectWriter();
    private final SpentAllowances spent;

    /**
     * @param keys what voucher codes are hashed and one-time passwords derived with
     * @param nanoTime the monotonic ticker that ages the usage kept in memory ({@code System::nanoTime} in production)
     */
    public HotspotPolicy(DSLContext dsl, SecretKeys keys, Clock clock, LongSupplier nanoTime, AccessPolicyConfig config) {
        this(dsl, keys, clock, new AccessCache(keys, config.zone(), new UsageLedger(nanoTime, USAGE_MAX_AGE)), config);
    }

    HotspotPolicy(DSLContext dsl, SecretKeys keys, Clock clock, AccessCache cache, AccessPolicyConfig config) {
        this.dsl = dsl;
        this.keys = keys;
        this.clock = clock;
        this.cache = cache;
        this.reader = new SnapshotReader(keys, config.zone());
        this.rules = new HotspotRules(config);
        this.spent = new SpentAllowances(config, rules);
    }

    @Override
    public Optional<AuthDecision> decideFromMemory(AccessAttempt attempt) {
        Optional<Ruling> ruling = rules.decide(attempt, cache.snapshot(attempt, now()));
        return ruling.isPresent() && ruling.get().effects().isEmpty() ? Optional.of(ruling.get().decision()) : Optional.empty();
    }

    @Override
    public AuthDecision decide(AccessAttempt attempt) {
        OffsetDateTime now = now();
        AccessCache.Generation generation = cache.generation();
        Decided decided;
        try {
            decided = dsl.transactionResult(tx -> {
                // What an authentication writes (a device remembered, a voucher's first use, a credential spent) may be
                // lost in a crash of the last few milliseconds without harm, so it does not wait for the disk; the
                // durable writes are accounting's, which are acknowledged only after they are on disk.
                LazyCommit.forThisTransaction(tx.dsl());
                AccessSnapshot snapshot = reader.read(tx.dsl(), attempt, now);
                Ruling ruling = rules.decide(attempt, snapshot)
                        .orElseThrow(() -> new IllegalStateException("a snapshot from the database lacks a row: " + snapshot));
                Optional<Effect> lost = writer.apply(tx.dsl(), ruling.effects(), now);
                if (lost.isPresent()) {
                    throw new LostRace(rules.lostRace(lost.get(), snapshot));
                }
                return new Decided(snapshot, ruling);
            });
        } catch (LostRace e) {
            return e.reject;
        }
        cache.committed(decided.snapshot(), decided.ruling().effects(), generation);
        return decided.ruling().decision();
    }

    /**
     * How a login by {@code device} with the voucher code as typed would be answered now, by the same rules and writing
     * nothing: the portal's voucher form asks this so that a user learns on the page, in their language, why a voucher
     * cannot be used, before any gateway is involved.
     */
    public AuthDecision foreseeVoucher(String typed, MacAddress device) {
        String code = VoucherIssuer.normalised(typed);
        if (!VoucherIssuer.looksLikeCode(code)) {
            // Not even shaped like a code: nor is it read as a MAC or a portal login, which the rules would judge as one.
            return new AuthDecision.Reject(RejectReason.UNKNOWN_USER, null);
        }
        AccessAttempt attempt = new AccessAttempt("portal", NO_GATEWAY, code, new Credential.Pap(code), Optional.of(device), Optional.empty());
        OffsetDateTime now = now();
        AccessSnapshot snapshot = dsl.transactionResult(tx -> reader.foresee(tx.dsl(), attempt, now))
                .orElse(new AccessSnapshot(now, true, AccessSnapshot.Login.NOBODY, Optional.empty(), Optional.empty(), Optional.empty()));
        return rules.decide(attempt, snapshot)
                .orElseThrow(() -> new IllegalStateException("a snapshot from the database lacks a row: " + snapshot)).decision();
    }

    /**
     * Accounting saved these records: the usage of the subscribers they belong to is read afresh next time.
     * Called by the accounting writer after each commit.
     */
    public void accounted(List<AccountingRecord> records) {
        for (AccountingRecord r : records) {
            if (r.kind().isGatewayEvent()) {
                cache.invalidateAllUsage();
                return;
            }
            if (r.subscriberId().isPresent()) {
                cache.invalidateUsage(r.subscriberId().get());
                continue;
            }
            // Without Class, accounting finds the subscriber by name or device as the database does; forget every candidate.
            Optional<Long> byVoucher = VoucherIssuer.looksLikeCode(r.userName())
                    ? cache.voucher(VoucherIssuer.codeHash(keys, r.userName())).map(Voucher::subscriberId) : Optional.empty();
            Optional<Long> byDevice = r.clientMac().flatMap(mac -> cache.device(mac, r.nasId())).map(RememberedDevice::subscriberId);
            if (byVoucher.isEmpty() && byDevice.isEmpty()) {
                cache.invalidateAllUsage();
                return;
            }
            byVoucher.ifPresent(cache::invalidateUsage);
            byDevice.ifPresent(cache::invalidateUsage);
        }
    }

    /**
     * Drops from memory what other nodes' commits made stale, as their notices name it: a subscriber's usage, a
     * voucher, a device remembered on a gateway.
     */
    public void follow(CacheNotices notices) {
        notices.on("usage", handler(key -> cache.invalidateUsage(Long.parseLong(key)), cache::invalidateAllUsage));
        notices.on("voucher", handler(cache::invalidateVoucher, cache::invalidateAllVouchers));
        notices.on("device", handler(key -> {
            int at = key.lastIndexOf('@');
            cache.invalidateDevice(MacAddress.parse(key.substring(0, at)), Long.parseLong(key.substring(at + 1)));
        }, cache::invalidateAllDevices));
    }

    private static CacheNotices.Handler handler(Consumer<String> one, Runnable all) {
        return CacheNotices.handler(keys -> keys.forEach(one), all);
    }

    /**
     * These vouchers were changed by this process (revoked on the console): they are read afresh. Other nodes learn
     * it from the database's notice, which this node skips as its own.
     */
    public void vouchersChanged(java.util.Collection<String> codeHashes) {
        codeHashes.forEach(cache::invalidateVoucher);
    }

    /** Sessions were closed outside accounting (stale sessions): every usage is read afresh. */
    public void sessionsClosed() {
        cache.invalidateAllUsage();
    }

    /** Drops expired vouchers and devices from memory. */
    public void sweep() {
        cache.sweep(now());
    }

    /** Time and data a subscriber has left now, for the portal's status page and RFC 8908's API. */
    public record Remaining(long seconds, long octets) {
    }

    public Remaining remaining(long subscriberId) {
        OffsetDateTime now = now();
        AccessSnapshot s = reader.subscriber(dsl, subscriberId, now);
        Usage.Used used = s.usage().orElseThrow();
        return new Remaining(Math.max(0, rules.secondsLeft(s.voucher(), used, now)), Math.max(0, rules.octetsLeft(used)));
    }

    /** The open sessions of every subscriber with no time or data left, by the rules of {@link #remaining}. */
    public List<String> sessionsWithNothingLeft() {
        return spent.sessions(dsl, now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private record Decided(AccessSnapshot snapshot, Ruling ruling) {
    }

    /** Rolls back the transaction of an attempt that another won the race against. */
    private static final class LostRace extends RuntimeException {
        private final transient AuthDecision.Reject reject;

        LostRace(AuthDecision.Reject reject) {
            super(reject.reason().name(), null, false, false);
            this.reject = reject;
        }
    }
}
