package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.REMEMBERED_DEVICE;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;

import io.steppe.db.commit.LazyCommit;
import io.steppe.db.keys.SecretKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.db.schema.tables.records.LoginCredentialRecord;
import io.steppe.db.schema.tables.records.VoucherRecord;
import io.steppe.radius.accounting.AccountingRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The free-Wi-Fi policy: who may get online (a one-time portal credential, a voucher, or a remembered
 * device) and for how long (what is left of the day's allowance, or of the voucher's minutes).
 *
 * <p>Most Access-Requests come from devices that were let in before: a remembered phone coming back, a
 * voucher's device reconnecting. Those are answered from memory ({@link #decideFromMemory}) when nothing
 * needs writing: the voucher, the device and the subscriber's usage as last committed. Everything else
 * (a first login, a device bound to a voucher, a credential spent, a device remembered afresh) goes
 * through the database ({@link #decide}), whose committed result then updates memory.
 */
public final class HotspotPolicy implements AccessPolicy {

    private static final OffsetDateTime BEFORE_ANY_SESSION = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    /** Usage read from the database is read again after this, in case sessions were changed from outside. */
    private static final Duration USAGE_MAX_AGE = Duration.ofMinutes(5);
    /** A remembered device's expiry is pushed forward at most this often, not on every reconnection. */
    private static final Duration REMEMBER_REFRESH = Duration.ofHours(1);

    private final DSLContext dsl;
    private final SecretKeys keys;
    private final Clock clock;
    private final AccessPolicyConfig config;
    private final VoucherBook vouchers = new VoucherBook();
    private final RememberedDevices remembered = new RememberedDevices();
    private final UsageLedger ledger;
    private final Duration rememberRefresh;

    /**
     * @param keys what voucher codes are hashed and one-time passwords derived with
     * @param nanoTime the monotonic ticker that ages the usage ledger ({@code System::nanoTime} in production)
     */
    public HotspotPolicy(DSLContext dsl, SecretKeys keys, Clock clock, LongSupplier nanoTime, AccessPolicyConfig config) {
        this.dsl = dsl;
        this.keys = keys;
        this.clock = clock;
        this.config = config;
        this.ledger = new UsageLedger(nanoTime, USAGE_MAX_AGE);
        Duration tenth = config.rememberDevice().dividedBy(10);
        this.rememberRefresh = tenth.compareTo(REMEMBER_REFRESH) < 0 ? tenth : REMEMBER_REFRESH;
    }

    @Override
    public Optional<AuthDecision> decideFromMemory(AccessAttempt attempt) {
        OffsetDateTime now = now();
        Optional<MacAddress> userMac = MacAddress.tryParse(attempt.userName());
        if (userMac.isPresent()) {
            Optional<RejectReason> refused = macAuthenticationRefused(attempt, userMac.get());
            if (refused.isPresent()) {
                return Optional.of(new AuthDecision.Reject(refused.get(), null));
            }
            // Not found here, or remembered on another gateway: the database answers.
            Optional<RememberedDevices.Remembered> device = remembered.find(userMac.get(), attempt.nasId()).filter(r -> r.expiresAt().isAfter(now));
            if (device.isEmpty() || device.get().voucher().isEmpty()) {
                return device.flatMap(r -> allowanceFromMemory(r.subscriberId(), Optional.empty(), userMac, now));
            }
            // A voucher's device keeps the voucher's rules when it comes back by MAC.
            Optional<VoucherBook.Voucher> voucher = vouchers.find(device.get().voucher().get());
            if (voucher.isEmpty() || !voucher.get().devices().contains(userMac.get().toString())) {
                return Optional.empty();
            }
            if (!voucher.get().validUntil().isAfter(now)) {
                return Optional.of(new AuthDecision.Reject(RejectReason.VOUCHER_EXPIRED, null));
            }
            return allowanceFromMemory(voucher.get().subscriberId(), voucher, userMac, now);
        }
        if (!VoucherIssuer.looksLikeCode(attempt.userName())) {
            return Optional.empty();
        }
        Optional<VoucherBook.Voucher> found = vouchers.find(voucherHash(attempt.userName()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VoucherBook.Voucher v = found.get();
        if (!holds(attempt)) {
            return Optional.of(new AuthDecision.Reject(RejectReason.UNKNOWN_USER, null));
        }
        if (!v.validUntil().isAfter(now)) {
            return Optional.of(new AuthDecision.Reject(RejectReason.VOUCHER_EXPIRED, null));
        }
        if (attempt.clientMac().isPresent() && !v.devices().contains(attempt.clientMac().get().toString())) {
            return Optional.empty(); // binding a device to the voucher is a write
        }
        Optional<AuthDecision> decision = allowanceFromMemory(v.subscriberId(), Optional.of(v), attempt.clientMac(), now);
        if (decision.isPresent() && decision.get() instanceof AuthDecision.Accept
                && (!v.used() || attempt.clientMac().map(mac -> !rememberedLately(mac, attempt.nasId(), v.subscriberId(), now)).orElse(false))) {
            return Optional.empty(); // the first use, or a device to remember afresh: writes
        }
        return decision;
    }

    @Override
    public AuthDecision decide(AccessAttempt attempt) {
        List<Runnable> afterCommit = new ArrayList<>();
        AuthDecision decision = dsl.transactionResult(tx -> {
            // What an authentication writes (a device remembered, a voucher's first use, a credential spent) may be
            // lost in a crash of the last few milliseconds without harm, so it does not wait for the disk; the
            // durable writes are accounting's, which are acknowledged only after they are on disk.
            LazyCommit.forThisTransaction(tx.dsl());
            return decide(tx.dsl(), attempt, afterCommit);
        });
        afterCommit.forEach(Runnable::run);
        return decision;
    }

    /**
     * Accounting saved these records: the usage of the subscribers they belong to is read afresh next time.
     * Called by the accounting writer after each commit.
     */
    public void accounted(List<AccountingRecord> records) {
        for (AccountingRecord r : records) {
            if (r.kind() == AccountingRecord.Kind.ACCOUNTING_ON || r.kind() == AccountingRecord.Kind.ACCOUNTING_OFF) {
                ledger.forgetAll();
                return;
            }
            if (r.subscriberId().isPresent()) {
                ledger.forget(r.subscriberId().get());
                continue;
            }
            // Without Class, accounting finds the subscriber by name or device as the database does; forget every candidate.
            Optional<Long> byVoucher = VoucherIssuer.looksLikeCode(r.userName())
                    ? vouchers.find(voucherHash(r.userName())).map(VoucherBook.Voucher::subscriberId) : Optional.empty();
            Optional<Long> byDevice = r.clientMac().flatMap(mac -> remembered.find(mac, r.nasId())).map(RememberedDevices.Remembered::subscriberId);
            if (byVoucher.isEmpty() && byDevice.isEmpty()) {
                ledger.forgetAll();
                return;
            }
            byVoucher.ifPresent(ledger::forget);
            byDevice.ifPresent(ledger::forget);
        }
    }

    /** Sessions were closed outside accounting (stale sessions): every usage is read afresh. */
    public void sessionsClosed() {
        ledger.forgetAll();
    }

    /** Drops expired vouchers and devices from memory. */
    public void sweep() {
        OffsetDateTime now = now();
        vouchers.sweep(now);
        remembered.sweep(now);
    }

    private AuthDecision decide(DSLContext tx, AccessAttempt attempt, List<Runnable> afterCommit) {
        OffsetDateTime now = now();
        Optional<MacAddress> userMac = MacAddress.tryParse(attempt.userName());
        if (userMac.isPresent()) {
            return rememberedDevice(tx, attempt, userMac.get(), now, afterCommit);
        }
        // A name shaped like a voucher code is looked up as one first: one query fewer on the common path.
        boolean voucherShaped = VoucherIssuer.looksLikeCode(attempt.userName());
        if (voucherShaped) {
            Optional<AuthDecision> decision = voucher(tx, attempt, now, afterCommit);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        Optional<LoginCredentialRecord> credential = tx.selectFrom(LOGIN_CREDENTIAL)
                .where(LOGIN_CREDENTIAL.USERNAME.eq(attempt.userName())).forUpdate().fetchOptional();
        if (credential.isPresent()) {
            return portalCredential(tx, attempt, credential.get(), now, afterCommit);
        }
        return (voucherShaped ? Optional.<AuthDecision>empty() : voucher(tx, attempt, now, afterCommit))
                .orElse(new AuthDecision.Reject(RejectReason.UNKNOWN_USER, null));
    }

    /**
     * MAC authentication: the gateway vouches for the MAC; the device must have logged in lately on this gateway, and
     * is charged to whoever it logged in as, within what is left of their allowance.
     */
    private AuthDecision rememberedDevice(DSLContext tx, AccessAttempt attempt, MacAddress mac, OffsetDateTime now,
                                         List<Runnable> afterCommit) {
        Optional<RejectReason> refused = macAuthenticationRefused(attempt, mac);
        if (refused.isPresent()) {
            return new AuthDecision.Reject(refused.get(), null);
        }
        Optional<org.jooq.Record2<Long, OffsetDateTime>> device = tx.select(REMEMBERED_DEVICE.SUBSCRIBER_ID, REMEMBERED_DEVICE.EXPIRES_AT)
                .from(REMEMBERED_DEVICE).where(REMEMBERED_DEVICE.MAC.eq(mac.toString())).and(REMEMBERED_DEVICE.NAS_ID.eq(attempt.nasId()))
                .and(REMEMBERED_DEVICE.EXPIRES_AT.gt(now))
                .fetchOptional();
        if (device.isEmpty()) {
            return new AuthDecision.Reject(RejectReason.DEVICE_NOT_REMEMBERED, null);
        }
        long subscriberId = device.get().value1();
        // A voucher's device keeps the voucher's rules (its minutes, its expiry) when it comes back by MAC.
        Optional<VoucherRecord> voucher = tx.selectFrom(VOUCHER).where(VOUCHER.SUBSCRIBER_ID.eq(subscriberId)).forUpdate().fetchOptional();
        RememberedDevices.Remembered committed = new RememberedDevices.Remembered(subscriberId, device.get().value2(),
                voucher.map(VoucherRecord::getCodeHash));
        afterCommit.add(() -> remembered.put(mac, attempt.nasId(), committed));
        return voucher.isPresent()
                ? voucherAllowance(tx, attempt, voucher.get(), now, afterCommit)
                : allowance(subscriberId, Optional.empty(), usage(tx, subscriberId, false, now), Optional.of(mac), now);
    }

    private AuthDecision portalCredential(DSLContext tx, AccessAttempt attempt, LoginCredentialRecord c, OffsetDateTime now,
                                          List<Runnable> afterCommit) {
        String language = language(tx, c.getSubscriberId());
        if (!attempt.credential().matches(keys.credentialPassword(c.getUsername()))) {
            return new AuthDecision.Reject(RejectReason.UNKNOWN_USER, language);
        }
        if (c.getUsedAt() != null) {
            return new AuthDecision.Reject(RejectReason.CREDENTIAL_USED, language);
        }
        if (!c.getExpiresAt().isAfter(now)) {
            return new AuthDecision.Reject(RejectReason.CREDENTIAL_EXPIRED, language);
        }
        if (attempt.clientMac().isEmpty() || !attempt.clientMac().get().toString().equals(c.getClientMac())) {
            return new AuthDecision.Reject(RejectReason.WRONG_DEVICE, language);
        }
        // A voucher entered on the portal keeps its own rules: its devices, its minutes, its expiry.
        Optional<VoucherRecord> voucher = tx.selectFrom(VOUCHER).where(VOUCHER.SUBSCRIBER_ID.eq(c.getSubscriberId())).forUpdate()
                .fetchOptional();
        AuthDecision decision = voucher.isPresent()
                ? voucherAllowance(tx, attempt, voucher.get(), now, afterCommit)
                : allowance(c.getSubscriberId(), Optional.empty(), usage(tx, c.getSubscriberId(), false, now), attempt.clientMac(), now);
        if (decision instanceof AuthDecision.Accept) {
            tx.update(LOGIN_CREDENTIAL).set(LOGIN_CREDENTIAL.USED_AT, now).where(LOGIN_CREDENTIAL.USERNAME.eq(c.getUsername())).execute();
            remember(tx, attempt.clientMac().get(), attempt.nasId(), c.getSubscriberId(), voucher.map(VoucherRecord::getCodeHash), now, afterCommit);
        }
        return decision;
    }

    private Optional<AuthDecision> voucher(DSLContext tx, AccessAttempt attempt, OffsetDateTime now, List<Runnable> afterCommit) {
        return tx.selectFrom(VOUCHER).where(VOUCHER.CODE_HASH.eq(voucherHash(attempt.userName()))).forUpdate()
                .fetchOptional().map(v -> voucher(tx, attempt, v, now, afterCommit));
    }

    private AuthDecision voucher(DSLContext tx, AccessAttempt attempt, VoucherRecord v, OffsetDateTime now, List<Runnable> afterCommit) {
        if (!holds(attempt)) {
            return new AuthDecision.Reject(RejectReason.UNKNOWN_USER, null);
        }
        AuthDecision decision = voucherAllowance(tx, attempt, v, now, afterCommit);
        if (decision instanceof AuthDecision.Accept) {
            attempt.clientMac().filter(mac -> !rememberedLately(mac, attempt.nasId(), v.getSubscriberId(), now))
                    .ifPresent(mac -> remember(tx, mac, attempt.nasId(), v.getSubscriberId(), Optional.of(v.getCodeHash()), now, afterCommit));
        }
        return decision;
    }

    /** A voucher's rules, once whoever asks has shown they hold it: expiry, its devices, its minutes. */
    private AuthDecision voucherAllowance(DSLContext tx, AccessAttempt attempt, VoucherRecord record, OffsetDateTime now,
                                          List<Runnable> afterCommit) {
        if (!record.getValidUntil().isAfter(now)) {
            return new AuthDecision.Reject(RejectReason.VOUCHER_EXPIRED, null);
        }
        Set<String> devices = new HashSet<>(tx.select(VOUCHER_DEVICE.MAC).from(VOUCHER_DEVICE)
                .where(VOUCHER_DEVICE.CODE_HASH.eq(record.getCodeHash())).fetch(VOUCHER_DEVICE.MAC));
        if (attempt.clientMac().isPresent() && !devices.contains(attempt.clientMac().get().toString())) {
            if (devices.size() >= record.getMaxDevices()) {
                return new AuthDecision.Reject(RejectReason.VOUCHER_DEVICE_LIMIT, null);
            }
            String mac = attempt.clientMac().get().toString();
            tx.insertInto(VOUCHER_DEVICE).set(VOUCHER_DEVICE.CODE_HASH, record.getCodeHash()).set(VOUCHER_DEVICE.MAC, mac)
                    .set(VOUCHER_DEVICE.FIRST_SEEN, now).execute();
            devices.add(mac);
        }
        VoucherBook.Voucher v = new VoucherBook.Voucher(record.getCodeHash(), record.getSubscriberId(), record.getMinutes(),
                record.getValidUntil(), record.getMaxDevices(), record.getFirstUsedAt() != null, Set.copyOf(devices));
        AuthDecision decision = allowance(v.subscriberId(), Optional.of(v), usage(tx, v.subscriberId(), true, now), attempt.clientMac(), now);
        if (decision instanceof AuthDecision.Accept && !v.used()) {
            tx.update(VOUCHER).set(VOUCHER.FIRST_USED_AT, now).where(VOUCHER.CODE_HASH.eq(v.codeHash())).execute();
            v = new VoucherBook.Voucher(v.codeHash(), v.subscriberId(), v.minutes(), v.validUntil(), v.maxDevices(), true, v.devices());
        }
        VoucherBook.Voucher committed = v;
        afterCommit.add(() -> vouchers.put(committed));
        return decision;
    }

    private Optional<AuthDecision> allowanceFromMemory(long subscriberId, Optional<VoucherBook.Voucher> voucher,
                                                       Optional<MacAddress> device, OffsetDateTime now) {
        OffsetDateTime dayStart = dayStart(now);
        return ledger.find(subscriberId, voucher.isPresent() ? BEFORE_ANY_SESSION : dayStart, dayStart)
                .map(used -> allowance(subscriberId, voucher, used, device, now));
    }

    /** The subscriber's usage read from the database, and kept for the next request answered from memory. */
    private Usage.Used usage(DSLContext tx, long subscriberId, boolean voucher, OffsetDateTime now) {
        OffsetDateTime dayStart = dayStart(now);
        OffsetDateTime since = voucher ? BEFORE_ANY_SESSION : dayStart;
        long generation = ledger.generation();
        Usage.Used used = Usage.of(tx, subscriberId, since, dayStart);
        ledger.keep(subscriberId, since, dayStart, used, generation);
        return used;
    }

    /**
     * What is left for the subscriber: of today's allowance, or, for a voucher, of its minutes (and at most
     * until it expires); refused when nothing is left or too many of its devices are online.
     */
    private AuthDecision allowance(long subscriberId, Optional<VoucherBook.Voucher> voucher, Usage.Used used,
                                   Optional<MacAddress> device, OffsetDateTime now) {
        String language = used.language().orElse(null);
        int deviceLimit = voucher.map(VoucherBook.Voucher::maxDevices).orElse(config.maxDevicesOnline());
        if (used.otherDevicesOnline(device) >= deviceLimit) {
            return new AuthDecision.Reject(RejectReason.TOO_MANY_DEVICES, language);
        }
        long secondsLeft = voucher.map(v -> voucherSecondsLeft(v.minutes(), v.validUntil(), used, now))
                .orElse(config.dailyAllowance().toSeconds() - used.secondsToday());
        long octetsLeft = config.dailyOctets() - used.octetsToday();
        if (secondsLeft <= 0 || octetsLeft <= 0) {
            return new AuthDecision.Reject(RejectReason.QUOTA_EXHAUSTED, language);
        }
        return new AuthDecision.Accept(subscriberId, secondsLeft, octetsLeft, config.grant());
    }

    private static long voucherSecondsLeft(int minutes, OffsetDateTime validUntil, Usage.Used used, OffsetDateTime now) {
        return Math.min(minutes * 60L - used.secondsSince(), Duration.between(now, validUntil).toSeconds());
    }

    /** Time and data a subscriber has left now, for the portal's status page and RFC 8908's API. */
    public record Remaining(long seconds, long octets) {
    }

    public Remaining remaining(long subscriberId) {
        OffsetDateTime now = now();
        OffsetDateTime dayStart = dayStart(now);
        Optional<VoucherRecord> voucher = dsl.selectFrom(VOUCHER).where(VOUCHER.SUBSCRIBER_ID.eq(subscriberId)).fetchOptional();
        Usage.Used used = Usage.of(dsl, subscriberId, voucher.isPresent() ? BEFORE_ANY_SESSION : dayStart, dayStart);
        long seconds = voucher.map(v -> voucherSecondsLeft(v.getMinutes(), v.getValidUntil(), used, now))
                .orElse(config.dailyAllowance().toSeconds() - used.secondsToday());
        return new Remaining(Math.max(0, seconds), Math.max(0, config.dailyOctets() - used.octetsToday()));
    }

    /**
     * The open sessions of every subscriber with no time or data left, by the rules of {@link #remaining}, in one
     * query: asking {@link #remaining} for each subscriber online costs two queries each, a hundred thousand a
     * minute for a city.
     */
    public List<String> sessionsWithNothingLeft() {
        OffsetDateTime now = now();
        OffsetDateTime dayStart = dayStart(now);
        // A voucher's minutes count every session it ever had; otherwise only today's sessions count.
        Table<?> sessions = Usage.sessions(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.isNotNull(),
                RADIUS_SESSION.SUBSCRIBER_ID.in(DSL.select(RADIUS_SESSION_OPEN.SUBSCRIBER_ID).from(RADIUS_SESSION_OPEN))
                        .and(RADIUS_SESSION.STARTED_AT.ge(dayStart).orExists(DSL.selectOne().from(VOUCHER)
                                .where(VOUCHER.SUBSCRIBER_ID.eq(RADIUS_SESSION.SUBSCRIBER_ID)))));
        Field<BigDecimal> secondsToday = Usage.total(Usage.SECONDS, Usage.STARTED.ge(dayStart)).as("seconds_today");
        Field<BigDecimal> octetsToday = Usage.total(Usage.OCTETS, Usage.STARTED.ge(dayStart)).as("octets_today");
        Field<BigDecimal> secondsEver = Usage.total(Usage.SECONDS, DSL.trueCondition()).as("seconds_ever");
        Table<?> used = DSL.select(Usage.SUBSCRIBER_ID, secondsToday, octetsToday, secondsEver).from(sessions)
                .groupBy(Usage.SUBSCRIBER_ID).asTable("u");
        Field<Long> usedBy = used.field(Usage.SUBSCRIBER_ID);
        Condition noTime = DSL.when(VOUCHER.SUBSCRIBER_ID.isNull(), used.field(secondsToday).ge(BigDecimal.valueOf(config.dailyAllowance().toSeconds())))
                .otherwise(VOUCHER.MINUTES.times(60).cast(BigDecimal.class).le(used.field(secondsEver)).or(VOUCHER.VALID_UNTIL.le(now)))
                .isTrue();
        Condition noData = used.field(octetsToday).ge(BigDecimal.valueOf(config.dailyOctets()));
        return dsl.select(RADIUS_SESSION_OPEN.UNIQUE_ID).from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.in(DSL.select(usedBy).from(used)
                        .leftJoin(VOUCHER).on(VOUCHER.SUBSCRIBER_ID.eq(usedBy))
                        .where(noTime.or(noData))))
                .fetch(RADIUS_SESSION_OPEN.UNIQUE_ID);
    }

    /** Whether the device is remembered on this gateway for this subscriber and needs no fresh expiry yet. */
    private boolean rememberedLately(MacAddress mac, long nasId, long subscriberId, OffsetDateTime now) {
        return remembered.find(mac, nasId)
                .filter(r -> r.subscriberId() == subscriberId && r.expiresAt().isAfter(now.plus(config.rememberDevice()).minus(rememberRefresh)))
                .isPresent();
    }

    private void remember(DSLContext tx, MacAddress mac, long nasId, long subscriberId, Optional<String> voucher, OffsetDateTime now,
                          List<Runnable> afterCommit) {
        OffsetDateTime until = now.plus(config.rememberDevice());
        tx.insertInto(REMEMBERED_DEVICE)
                .set(REMEMBERED_DEVICE.MAC, mac.toString())
                .set(REMEMBERED_DEVICE.NAS_ID, nasId)
                .set(REMEMBERED_DEVICE.SUBSCRIBER_ID, subscriberId)
                .set(REMEMBERED_DEVICE.EXPIRES_AT, until)
                .onConflict(REMEMBERED_DEVICE.MAC, REMEMBERED_DEVICE.NAS_ID).doUpdate()
                .set(REMEMBERED_DEVICE.SUBSCRIBER_ID, subscriberId)
                .set(REMEMBERED_DEVICE.EXPIRES_AT, until)
                .execute();
        afterCommit.add(() -> remembered.put(mac, nasId, new RememberedDevices.Remembered(subscriberId, until, voucher)));
    }

    /**
     * Why a MAC authentication is refused before the device is even looked up, in memory or in the database. The
     * MAC must be the device's that asks (Calling-Station-Id), and the password the one gateways send for MAC
     * authentication: the User-Name itself, as CoovaChilli's {@code macauth} sends it without {@code macpasswd}
     * (User-Password = User-Name), as do hostapd's MAC ACL and FreeRADIUS's mac-auth recipes. A MAC typed with any
     * password into a gateway's own login page (or its UAM {@code /logon}) is then no MAC authentication.
     */
    private static Optional<RejectReason> macAuthenticationRefused(AccessAttempt attempt, MacAddress mac) {
        if (attempt.clientMac().isPresent() && !attempt.clientMac().get().equals(mac)) {
            return Optional.of(RejectReason.WRONG_DEVICE);
        }
        if (!attempt.credential().matches(attempt.userName())) {
            return Optional.of(RejectReason.UNKNOWN_USER);
        }
        return Optional.empty();
    }

    /** Whether the attempt's password is the voucher code its user name is (as printed, or as typed). */
    private static boolean holds(AccessAttempt attempt) {
        return attempt.credential().matches(normalisedCode(attempt.userName())) || attempt.credential().matches(attempt.userName());
    }

    private String voucherHash(String userName) {
        return keys.voucherHash(normalisedCode(userName));
    }

    private static String normalisedCode(String userName) {
        return userName.trim().toUpperCase(Locale.ROOT);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private OffsetDateTime dayStart(OffsetDateTime now) {
        return now.atZoneSameInstant(config.zone()).toLocalDate().atStartOfDay(config.zone()).toOffsetDateTime();
    }

    private static String language(DSLContext tx, long subscriberId) {
        return tx.select(SUBSCRIBER.LANGUAGE).from(SUBSCRIBER).where(SUBSCRIBER.ID.eq(subscriberId)).fetchOptional(SUBSCRIBER.LANGUAGE)
                .orElse(null);
    }
}
