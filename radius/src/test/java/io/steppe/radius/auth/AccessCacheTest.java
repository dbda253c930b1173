package io.steppe.radius.auth;

import static io.steppe.radius.auth.HotspotRulesTest.GATEWAY;
import static io.steppe.radius.auth.HotspotRulesTest.PHONE;
import static io.steppe.radius.auth.HotspotRulesTest.TABLET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.db.keys.SecretKeys;
import io.steppe.db.keys.TestKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.radius.packet.AccessAttempt;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What memory answers from after a committed decision, and what each invalidation makes it ask the database again. */
class AccessCacheTest {

    static final OffsetDateTime NOW = HotspotRulesTest.NOW;
    static final String CODE = "ACDEFGHJKL";
    static final long TOURIST = 20;
    static final long PERSON = 10;

    final SecretKeys keys = TestKeys.fixed();
    final String hash = VoucherIssuer.codeHash(keys, CODE);
    final AtomicLong ticker = new AtomicLong();
    final AccessCache cache = new AccessCache(keys, AccessPolicyConfig.defaults().zone(), new UsageLedger(ticker::get, Duration.ofMinutes(5)));
    final Voucher voucher = new Voucher(hash, TOURIST, 90, NOW.plusDays(2), 2, false, Set.of());
    final Optional<Usage.Used> usage = Optional.of(new Usage.Used(0, 0, 60, List.of(), Optional.empty()));
    final RememberedDevice phone = new RememberedDevice(PHONE, GATEWAY, TOURIST, NOW.plusDays(7), Optional.of(hash));

    AccessAttempt attempt(String user, MacAddress device) {
        return HotspotRulesTest.attempt(user, user, device);
    }

    /** The voucher's first login, bound to the phone and remembering it, committed. */
    void firstLogin() {
        AccessSnapshot read = new AccessSnapshot(NOW, true, AccessSnapshot.Login.VOUCHER_CODE, Optional.of(voucher), Optional.empty(), usage);
        cache.committed(read, List.of(new Effect.DeviceBound(hash, PHONE, 2), new Effect.VoucherUsed(hash), new Effect.DeviceRemembered(phone)),
                cache.generation());
    }

    AccessSnapshot held(Optional<Voucher> voucher, RememberedDevice device) {
        return new AccessSnapshot(NOW, false, AccessSnapshot.Login.VOUCHER_CODE, voucher, Optional.ofNullable(device), usage);
    }

    @Test
    void memoryKnowsNothingAtFirst() {
        assertEquals(AccessSnapshot.unknown(NOW), cache.snapshot(attempt(CODE, PHONE), NOW));
        assertEquals(AccessSnapshot.unknown(NOW), cache.snapshot(attempt("p-abcdefghij", PHONE), NOW));
        assertEquals(new AccessSnapshot(NOW, false, new AccessSnapshot.Login.Mac(PHONE), Optional.empty(), Optional.empty(), Optional.empty()),
                cache.snapshot(attempt(PHONE.toString(), PHONE), NOW));
    }

    @Test
    void aCommittedDecisionIsHeldWithItsEffects() {
        firstLogin();
        Voucher bound = new Voucher(hash, TOURIST, 90, NOW.plusDays(2), 2, true, Set.of(PHONE));
        assertEquals(held(Optional.of(bound), phone), cache.snapshot(attempt(CODE.toLowerCase(), PHONE), NOW));
        assertEquals(new AccessSnapshot(NOW, false, new AccessSnapshot.Login.Mac(PHONE), Optional.of(bound), Optional.of(phone), usage),
                cache.snapshot(attempt(PHONE.toString(), PHONE), NOW));
        assertEquals(held(Optional.of(bound), null), cache.snapshot(attempt(CODE, TABLET), NOW));
    }

    @Test
    void eachInvalidationForgetsWhatItNames() {
        firstLogin();
        cache.invalidateUsage(TOURIST);
        assertEquals(Optional.empty(), cache.snapshot(attempt(CODE, PHONE), NOW).usage());
        firstLogin();
        cache.invalidateAllUsage();
        assertEquals(Optional.empty(), cache.snapshot(attempt(CODE, PHONE), NOW).usage());
        firstLogin();
        cache.invalidateDevice(PHONE, GATEWAY);
        assertEquals(Optional.empty(), cache.snapshot(attempt(PHONE.toString(), PHONE), NOW).device());
        cache.invalidateVoucher(hash);
        assertEquals(AccessSnapshot.unknown(NOW), cache.snapshot(attempt(CODE, PHONE), NOW));
    }

    @Test
    void whatWasInvalidatedBetweenTheReadAndTheKeepingIsNotHeld() {
        AccessSnapshot read = new AccessSnapshot(NOW, true, AccessSnapshot.Login.VOUCHER_CODE, Optional.of(voucher), Optional.of(phone), usage);
        AccessCache.Generation generation = cache.generation();
        cache.invalidateUsage(TOURIST);
        cache.committed(read, List.of(), generation);
        assertEquals(Optional.empty(), cache.snapshot(attempt(CODE, PHONE), NOW).usage(), "the usage");
        assertEquals(Optional.of(phone), cache.snapshot(attempt(CODE, PHONE), NOW).device(), "the device, not invalidated, is held");

        generation = cache.generation();
        cache.invalidateDevice(PHONE, GATEWAY);
        cache.committed(read, List.of(), generation);
        assertEquals(Optional.empty(), cache.device(PHONE, GATEWAY), "the device");

        generation = cache.generation();
        cache.invalidateVoucher(hash);
        cache.committed(read, List.of(), generation);
        assertEquals(AccessSnapshot.unknown(NOW), cache.snapshot(attempt(CODE, PHONE), NOW), "the voucher");
    }

    /** Other nodes' accounting invalidates some subscriber every few milliseconds; that must not empty memory. */
    @Test
    void otherSubscribersInvalidationsDoNotStopADecisionBeingHeld() {
        AccessCache.Generation generation = cache.generation();
        cache.invalidateUsage(PERSON);
        cache.invalidateVoucher(VoucherIssuer.codeHash(keys, "BCDEFGHJKM"));
        cache.invalidateDevice(TABLET, GATEWAY);
        cache.committed(new AccessSnapshot(NOW, true, AccessSnapshot.Login.VOUCHER_CODE, Optional.of(voucher), Optional.of(phone), usage),
                List.of(), generation);
        assertEquals(held(Optional.of(voucher), phone), cache.snapshot(attempt(CODE, PHONE), NOW));
    }

    @Test
    void aDeviceWhoseVoucherMemoryLostIsNotAnsweredFrom() {
        firstLogin();
        cache.invalidateVoucher(hash);
        assertEquals(Optional.empty(), cache.snapshot(attempt(PHONE.toString(), PHONE), NOW).device());
    }

    @Test
    void sweepingDropsWhatExpired() {
        firstLogin();
        cache.sweep(NOW.plusDays(2));
        assertEquals(AccessSnapshot.unknown(NOW), cache.snapshot(attempt(CODE, PHONE), NOW));
        assertEquals(Optional.of(phone), cache.device(PHONE, GATEWAY));
        cache.sweep(NOW.plusDays(7));
        assertEquals(Optional.empty(), cache.device(PHONE, GATEWAY));
    }
}
