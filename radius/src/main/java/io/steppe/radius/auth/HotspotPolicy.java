package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.REMEMBERED_DEVICE;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;

import io.steppe.db.net.MacAddress;
import io.steppe.db.schema.tables.records.LoginCredentialRecord;
import io.steppe.db.schema.tables.records.VoucherRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The free-Wi-Fi policy: who may get online (a one-time portal credential, a voucher, or a remembered
 * device) and for how long (what is left of the day's allowance, or of the voucher's minutes).
 */
public final class HotspotPolicy implements AccessPolicy {

    private static final OffsetDateTime BEFORE_ANY_SESSION = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    private final DSLContext dsl;
    private final Clock clock;
    private final AccessPolicyConfig config;

    public HotspotPolicy(DSLContext dsl, Clock clock, AccessPolicyConfig config) {
        this.dsl = dsl;
        this.clock = clock;
        this.config = config;
    }

    @Override
    public AuthDecision decide(AccessAttempt attempt) {
        return dsl.transactionResult(tx -> {
            // What an authentication writes (a device remembered, a voucher's first use, a credential spent) may be
            // lost in a crash of the last few milliseconds without harm, so it does not wait for the disk; the
            // durable writes are accounting's, which are acknowledged only after they are on disk.
            tx.dsl().execute("SET LOCAL synchronous_commit = off");
            return decide(tx.dsl(), attempt);
        });
    }

    private AuthDecision decide(DSLContext tx, AccessAttempt attempt) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Optional<MacAddress> userMac = MacAddress.tryParse(attempt.userName());
        if (userMac.isPresent()) {
            return rememberedDevice(tx, attempt, userMac.get(), now);
        }
        // A name shaped like a voucher code is looked up as one first: one query fewer on the common path.
        boolean voucherShaped = VoucherIssuer.looksLikeCode(attempt.userName());
        if (voucherShaped) {
            Optional<AuthDecision> decision = voucher(tx, attempt, now);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        Optional<LoginCredentialRecord> credential = tx.selectFrom(LOGIN_CREDENTIAL)
                .where(LOGIN_CREDENTIAL.USERNAME.eq(attempt.userName())).forUpdate().fetchOptional();
        if (credential.isPresent()) {
            return portalCredential(tx, attempt, credential.get(), now);
        }
        return (voucherShaped ? Optional.<AuthDecision>empty() : voucher(tx, attempt, now))
                .orElse(new AuthDecision.Reject(RejectReason.UNKNOWN_USER, null));
    }

    /** MAC authentication: the gateway vouches for the MAC; the device must have logged in lately. */
    private AuthDecision rememberedDevice(DSLContext tx, AccessAttempt attempt, MacAddress mac, OffsetDateTime now) {
        if (attempt.clientMac().isPresent() && !attempt.clientMac().get().equals(mac)) {
            return new AuthDecision.Reject(RejectReason.WRONG_DEVICE, null);
        }
        Optional<Long> subscriber = tx.select(REMEMBERED_DEVICE.SUBSCRIBER_ID).from(REMEMBERED_DEVICE)
                .where(REMEMBERED_DEVICE.MAC.eq(mac.toString())).and(REMEMBERED_DEVICE.EXPIRES_AT.gt(now))
                .fetchOptional(REMEMBERED_DEVICE.SUBSCRIBER_ID);
        if (subscriber.isEmpty()) {
            return new AuthDecision.Reject(RejectReason.DEVICE_NOT_REMEMBERED, null);
        }
        return allowance(tx, subscriber.get(), Optional.empty(), Optional.of(mac), now);
    }

    private AuthDecision portalCredential(DSLContext tx, AccessAttempt attempt, LoginCredentialRecord c, OffsetDateTime now) {
        String language = language(tx, c.getSubscriberId());
        if (!attempt.credential().matches(c.getPassword())) {
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
                ? voucherAllowance(tx, attempt, voucher.get(), now)
                : allowance(tx, c.getSubscriberId(), Optional.empty(), attempt.clientMac(), now);
        if (decision instanceof AuthDecision.Accept) {
            tx.update(LOGIN_CREDENTIAL).set(LOGIN_CREDENTIAL.USED_AT, now).where(LOGIN_CREDENTIAL.USERNAME.eq(c.getUsername())).execute();
            remember(tx, attempt.clientMac().get(), c.getSubscriberId(), now);
        }
        return decision;
    }

    private Optional<AuthDecision> voucher(DSLContext tx, AccessAttempt attempt, OffsetDateTime now) {
        return tx.selectFrom(VOUCHER).where(VOUCHER.CODE.eq(attempt.userName().trim().toUpperCase(Locale.ROOT))).forUpdate()
                .fetchOptional().map(v -> voucher(tx, attempt, v, now));
    }

    private AuthDecision voucher(DSLContext tx, AccessAttempt attempt, VoucherRecord v, OffsetDateTime now) {
        if (!attempt.credential().matches(v.getCode()) && !attempt.credential().matches(attempt.userName())) {
            return new AuthDecision.Reject(RejectReason.UNKNOWN_USER, null);
        }
        AuthDecision decision = voucherAllowance(tx, attempt, v, now);
        if (decision instanceof AuthDecision.Accept) {
            attempt.clientMac().ifPresent(mac -> remember(tx, mac, v.getSubscriberId(), now));
        }
        return decision;
    }

    /** A voucher's rules, once whoever asks has shown they hold it: expiry, its devices, its minutes. */
    private AuthDecision voucherAllowance(DSLContext tx, AccessAttempt attempt, VoucherRecord v, OffsetDateTime now) {
        if (!v.getValidUntil().isAfter(now)) {
            return new AuthDecision.Reject(RejectReason.VOUCHER_EXPIRED, null);
        }
        if (attempt.clientMac().isPresent()) {
            String mac = attempt.clientMac().get().toString();
            boolean known = tx.fetchExists(VOUCHER_DEVICE, VOUCHER_DEVICE.CODE.eq(v.getCode()).and(VOUCHER_DEVICE.MAC.eq(mac)));
            if (!known) {
                if (tx.fetchCount(VOUCHER_DEVICE, VOUCHER_DEVICE.CODE.eq(v.getCode())) >= v.getMaxDevices()) {
                    return new AuthDecision.Reject(RejectReason.VOUCHER_DEVICE_LIMIT, null);
                }
                tx.insertInto(VOUCHER_DEVICE).set(VOUCHER_DEVICE.CODE, v.getCode()).set(VOUCHER_DEVICE.MAC, mac)
                        .set(VOUCHER_DEVICE.FIRST_SEEN, now).execute();
            }
        }
        AuthDecision decision = allowance(tx, v.getSubscriberId(), Optional.of(v), attempt.clientMac(), now);
        if (decision instanceof AuthDecision.Accept && v.getFirstUsedAt() == null) {
            tx.update(VOUCHER).set(VOUCHER.FIRST_USED_AT, now).where(VOUCHER.CODE.eq(v.getCode())).execute();
        }
        return decision;
    }

    /**
     * What is left for the subscriber: of today's allowance, or, for a voucher, of its minutes (and at most
     * until it expires); refused when nothing is left or too many of its devices are online.
     */
    private AuthDecision allowance(DSLContext tx, long subscriberId, Optional<VoucherRecord> voucher, Optional<MacAddress> device,
                                   OffsetDateTime now) {
        OffsetDateTime dayStart = now.atZoneSameInstant(config.zone()).toLocalDate().atStartOfDay(config.zone()).toOffsetDateTime();
        Usage.Used used = Usage.of(tx, subscriberId, voucher.isPresent() ? BEFORE_ANY_SESSION : dayStart, dayStart, device);
        String language = used.language().orElse(null);
        int deviceLimit = voucher.map(VoucherRecord::getMaxDevices).orElse(config.maxDevicesOnline());
        if (used.otherDevicesOnline() >= deviceLimit) {
            return new AuthDecision.Reject(RejectReason.TOO_MANY_DEVICES, language);
        }
        long secondsLeft;
        if (voucher.isPresent()) {
            secondsLeft = Math.min(voucher.get().getMinutes() * 60L - used.secondsSince(),
                    java.time.Duration.between(now, voucher.get().getValidUntil()).toSeconds());
        } else {
            secondsLeft = config.dailyAllowance().toSeconds() - used.secondsToday();
        }
        long octetsLeft = config.dailyOctets() - used.octetsToday();
        if (secondsLeft <= 0 || octetsLeft <= 0) {
            return new AuthDecision.Reject(RejectReason.QUOTA_EXHAUSTED, language);
        }
        return new AuthDecision.Accept(subscriberId, secondsLeft, octetsLeft, config.grant());
    }

    /** Time and data a subscriber has left now, for the portal's status page and RFC 8908's API. */
    public record Remaining(long seconds, long octets) {
    }

    public Remaining remaining(long subscriberId) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime dayStart = now.atZoneSameInstant(config.zone()).toLocalDate().atStartOfDay(config.zone()).toOffsetDateTime();
        Optional<VoucherRecord> voucher = dsl.selectFrom(VOUCHER).where(VOUCHER.SUBSCRIBER_ID.eq(subscriberId)).fetchOptional();
        Usage.Used used = Usage.of(dsl, subscriberId, voucher.isPresent() ? BEFORE_ANY_SESSION : dayStart, dayStart, Optional.empty());
        long seconds = voucher.map(v -> Math.min(v.getMinutes() * 60L - used.secondsSince(),
                        java.time.Duration.between(now, v.getValidUntil()).toSeconds()))
                .orElse(config.dailyAllowance().toSeconds() - used.secondsToday());
        return new Remaining(Math.max(0, seconds), Math.max(0, config.dailyOctets() - used.octetsToday()));
    }

    private void remember(DSLContext tx, MacAddress mac, long subscriberId, OffsetDateTime now) {
        OffsetDateTime until = now.plus(config.rememberDevice());
        tx.insertInto(REMEMBERED_DEVICE)
                .set(REMEMBERED_DEVICE.MAC, mac.toString())
                .set(REMEMBERED_DEVICE.SUBSCRIBER_ID, subscriberId)
                .set(REMEMBERED_DEVICE.EXPIRES_AT, until)
                .onConflict(REMEMBERED_DEVICE.MAC).doUpdate()
                .set(REMEMBERED_DEVICE.SUBSCRIBER_ID, subscriberId)
                .set(REMEMBERED_DEVICE.EXPIRES_AT, until)
                .execute();
    }

    private static String language(DSLContext tx, long subscriberId) {
        return tx.select(SUBSCRIBER.LANGUAGE).from(SUBSCRIBER).where(SUBSCRIBER.ID.eq(subscriberId)).fetchOptional(SUBSCRIBER.LANGUAGE)
                .orElse(null);
    }
}
