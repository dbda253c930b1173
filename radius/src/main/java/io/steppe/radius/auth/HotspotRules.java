package io.steppe.radius.auth;

import io.steppe.db.net.MacAddress;
import io.steppe.radius.packet.AccessAttempt;
import io.steppe.radius.packet.AuthDecision;
import io.steppe.radius.packet.RejectReason;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Who gets online and for how long, each rule once: from an attempt and an {@link AccessSnapshot} to a
 * {@link Ruling}. Pure: no database, no clock (the snapshot says when it is), nothing kept between calls. The
 * same rules decide from memory and from the database; from memory they decide only what memory's rows settle.
 */
final class HotspotRules {

    /** A remembered device's expiry is pushed forward at most this often, not on every login. */
    private static final Duration REMEMBER_REFRESH = Duration.ofHours(1);

    private final AccessPolicyConfig config;
    private final Duration rememberRefresh;

    HotspotRules(AccessPolicyConfig config) {
        this.config = config;
        Duration tenth = config.rememberDevice().dividedBy(10);
        this.rememberRefresh = tenth.compareTo(REMEMBER_REFRESH) < 0 ? tenth : REMEMBER_REFRESH;
    }

    /** The ruling, or empty when it needs a row the snapshot lacks, which only a snapshot from memory does. */
    Optional<Ruling> decide(AccessAttempt attempt, AccessSnapshot s) {
        if (s.login() instanceof AccessSnapshot.Login.Mac mac) {
            return macAuthentication(attempt, s, mac.mac());
        }
        if (s.login() instanceof AccessSnapshot.Login.VoucherCode) {
            return voucherCode(attempt, s, s.voucher().get());
        }
        if (s.login() instanceof AccessSnapshot.Login.Portal portal) {
            return portalCredential(attempt, s, portal.credential());
        }
        return missing(s, RejectReason.UNKNOWN_USER, null);
    }

    /** The refusal of an accepted attempt whose effect another node's attempt made impossible first. */
    AuthDecision.Reject lostRace(Effect lost, AccessSnapshot s) {
        if (lost instanceof Effect.CredentialSpent) {
            return new AuthDecision.Reject(RejectReason.CREDENTIAL_USED, language(s));
        }
        if (lost instanceof Effect.DeviceBound) {
            return new AuthDecision.Reject(RejectReason.VOUCHER_DEVICE_LIMIT, null);
        }
        throw new IllegalArgumentException("no other attempt can prevent " + lost);
    }

    /**
     * Seconds of the allowance left: of the voucher's minutes and before it expires, or of today's; negative when
     * overdrawn. A revoked voucher has none, so that quota enforcement ends the sessions it had open.
     */
    long secondsLeft(Optional<Voucher> voucher, Usage.Used used, OffsetDateTime now) {
        if (voucher.isPresent()) {
            Voucher v = voucher.get();
            if (v.revoked()) {
                return 0;
            }
            return Math.min(v.minutes() * 60L - used.secondsSince(), Duration.between(now, v.validUntil()).toSeconds());
        }
        return config.dailyAllowance().toSeconds() - used.secondsToday();
    }

    /** Octets of today's data allowance left; negative when overdrawn. */
    long octetsLeft(Usage.Used used) {
        return config.dailyOctets() - used.octetsToday();
    }

    /** Whether an allowance with so much left is used up. */
    static boolean nothingLeft(long secondsLeft, long octetsLeft) {
        return secondsLeft <= 0 || octetsLeft <= 0;
    }

    /**
     * MAC authentication: the gateway vouches for the MAC; the device must have logged in lately on this gateway, and
     * is charged to whoever it logged in as. The MAC must be the device's that asks (Calling-Station-Id), and the
     * password the one gateways send for MAC authentication: the User-Name itself, as CoovaChilli's {@code macauth}
     * sends it without {@code macpasswd} (User-Password = User-Name), as do hostapd's MAC ACL and FreeRADIUS's
     * mac-auth recipes. A MAC typed with any password into a gateway's own login page (or its UAM {@code /logon}) is
     * then no MAC authentication; both are refused before the device is even looked up.
     */
    private Optional<Ruling> macAuthentication(AccessAttempt attempt, AccessSnapshot s, MacAddress mac) {
        if (attempt.clientMac().isPresent() && !attempt.clientMac().get().equals(mac)) {
            return reject(RejectReason.WRONG_DEVICE, null);
        }
        if (!attempt.credential().matches(attempt.userName())) {
            return reject(RejectReason.UNKNOWN_USER, null);
        }
        if (s.device().isEmpty() || !s.device().get().expiresAt().isAfter(s.now())) {
            return missing(s, RejectReason.DEVICE_NOT_REMEMBERED, null);
        }
        Optional<MacAddress> device = attempt.clientMac().isPresent() ? attempt.clientMac() : Optional.of(mac);
        // A voucher's device keeps the voucher's rules (its devices, its minutes, its expiry) when it comes back by MAC.
        return s.voucher().isPresent()
                ? voucherTerms(s, s.voucher().get(), device)
                : allowance(s, s.device().get().subscriberId(), device, List.of());
    }

    private Optional<Ruling> voucherCode(AccessAttempt attempt, AccessSnapshot s, Voucher v) {
        if (!holds(attempt)) {
            return reject(RejectReason.UNKNOWN_USER, null);
        }
        return remembering(voucherTerms(s, v, attempt.clientMac()), attempt, s, v.subscriberId());
    }

    private Optional<Ruling> portalCredential(AccessAttempt attempt, AccessSnapshot s, PortalCredential c) {
        String language = language(s);
        if (!attempt.credential().matches(c.password())) {
            return reject(RejectReason.UNKNOWN_USER, language);
        }
        if (c.used()) {
            return reject(RejectReason.CREDENTIAL_USED, language);
        }
        if (!c.expiresAt().isAfter(s.now())) {
            return reject(RejectReason.CREDENTIAL_EXPIRED, language);
        }
        if (attempt.clientMac().isEmpty() || !attempt.clientMac().get().equals(c.clientMac())) {
            return reject(RejectReason.WRONG_DEVICE, language);
        }
        // A voucher entered on the portal keeps its own rules: its devices, its minutes, its expiry.
        Optional<Ruling> ruling = s.voucher().isPresent()
                ? voucherTerms(s, s.voucher().get(), attempt.clientMac())
                : allowance(s, c.subscriberId(), attempt.clientMac(), List.of());
        return remembering(ruling.map(r -> r.after(new Effect.CredentialSpent(c.username()))), attempt, s, c.subscriberId());
    }

    /** A voucher's rules, once whoever asks has shown they hold it: not revoked, its expiry, its devices, its minutes. */
    private Optional<Ruling> voucherTerms(AccessSnapshot s, Voucher v, Optional<MacAddress> device) {
        if (v.revoked()) {
            return reject(RejectReason.VOUCHER_REVOKED, null);
        }
        if (!v.validUntil().isAfter(s.now())) {
            return reject(RejectReason.VOUCHER_EXPIRED, null);
        }
        List<Effect> effects = List.of();
        if (device.isPresent() && !v.devices().contains(device.get())) {
            if (v.devices().size() >= v.maxDevices()) {
                return reject(RejectReason.VOUCHER_DEVICE_LIMIT, null);
            }
            effects = List.of(new Effect.DeviceBound(v.codeHash(), device.get(), v.maxDevices()));
        }
        if (!v.used()) {
            effects = effects.isEmpty() ? List.of(new Effect.VoucherUsed(v.codeHash()))
                    : List.of(effects.get(0), new Effect.VoucherUsed(v.codeHash()));
        }
        return allowance(s, v.subscriberId(), device, effects);
    }

    /**
     * What is left for the subscriber: of today's allowance or, for the snapshot's voucher, of its minutes (and at most
     * until it expires); refused when nothing is left or too many of their devices are online.
     */
    private Optional<Ruling> allowance(AccessSnapshot s, long subscriberId, Optional<MacAddress> device, List<Effect> effects) {
        if (s.usage().isEmpty()) {
            return Optional.empty();
        }
        Usage.Used used = s.usage().get();
        String language = used.language().orElse(null);
        int deviceLimit = s.voucher().isPresent() ? s.voucher().get().maxDevices() : config.maxDevicesOnline();
        if (used.otherDevicesOnline(device) >= deviceLimit) {
            return reject(RejectReason.TOO_MANY_DEVICES, language);
        }
        long secondsLeft = secondsLeft(s.voucher(), used, s.now());
        long octetsLeft = octetsLeft(used);
        if (nothingLeft(secondsLeft, octetsLeft)) {
            return reject(RejectReason.QUOTA_EXHAUSTED, language);
        }
        return Optional.of(new Ruling(new AuthDecision.Accept(subscriberId, secondsLeft, octetsLeft, config.grant()), effects));
    }

    /**
     * A device let in by a voucher or the portal is let back in by MAC authentication on this gateway for a while. It
     * is remembered afresh only when it is not remembered for this subscriber or its expiry is due a push forward.
     */
    private Optional<Ruling> remembering(Optional<Ruling> ruling, AccessAttempt attempt, AccessSnapshot s, long subscriberId) {
        if (ruling.isEmpty() || !(ruling.get().decision() instanceof AuthDecision.Accept) || attempt.clientMac().isEmpty()) {
            return ruling;
        }
        OffsetDateTime until = s.now().plus(config.rememberDevice());
        if (s.device().isPresent() && s.device().get().subscriberId() == subscriberId
                && s.device().get().expiresAt().isAfter(until.minus(rememberRefresh))) {
            return ruling;
        }
        return Optional.of(ruling.get().then(new Effect.DeviceRemembered(new RememberedDevice(attempt.clientMac().get(), attempt.nasId(), subscriberId,
                until, s.voucher().map(Voucher::codeHash)))));
    }

    /** Whether the attempt's password is the voucher code its user name is (as printed, or as typed). */
    private static boolean holds(AccessAttempt attempt) {
        return attempt.credential().matches(VoucherIssuer.normalised(attempt.userName())) || attempt.credential().matches(attempt.userName());
    }

    /** Refused for a row the snapshot lacks, when it is complete; otherwise the database is asked. */
    private static Optional<Ruling> missing(AccessSnapshot s, RejectReason reason, String language) {
        return s.complete() ? reject(reason, language) : Optional.empty();
    }

    private static Optional<Ruling> reject(RejectReason reason, String language) {
        return Optional.of(new Ruling(new AuthDecision.Reject(reason, language), List.of()));
    }

    private static String language(AccessSnapshot s) {
        return s.usage().flatMap(Usage.Used::language).orElse(null);
    }
}
