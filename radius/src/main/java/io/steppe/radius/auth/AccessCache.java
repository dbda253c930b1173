package io.steppe.radius.auth;

import io.steppe.db.keys.SecretKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.radius.packet.AccessAttempt;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the database held at this node's last decisions, so that a returning device is answered without asking it:
 * vouchers with their devices (keyed, as stored, by the code's keyed hash), devices remembered on a gateway, and each
 * subscriber's usage. Filled from the snapshots and effects of committed decisions; emptied by the invalidate methods
 * when the database changes elsewhere: accounting saving sessions, and other nodes' decisions, whose notices reach
 * this node through {@link HotspotPolicy#follow}.
 *
 * <p>What a decision read is kept only if none of it was invalidated between the read and the keeping: a change
 * committed meanwhile by another node may be missing from what was read, and its notice may have come and gone.
 * An entry is put before the check and an invalidation marks before it removes, so one of the two always wins.
 */
final class AccessCache {

    private record DeviceKey(MacAddress mac, long nasId) {
    }

    private final SecretKeys keys;
    private final ZoneId zone;
    private final Map<String, Voucher> vouchers = new ConcurrentHashMap<>();
    private final Map<DeviceKey, RememberedDevice> devices = new ConcurrentHashMap<>();
    private final UsageLedger ledger;
    /** Moves on every invalidation, so that a decision can tell whether what it read may have been made stale since. */
    private final AtomicLong invalidations = new AtomicLong();
    private final Invalidations usageChanges = new Invalidations(invalidations);
    private final Invalidations voucherChanges = new Invalidations(invalidations);
    private final Invalidations deviceChanges = new Invalidations(invalidations);

    /** How many invalidations there had been when a decision read from the database. */
    record Generation(long invalidations) {
    }

    /** @param ledger each subscriber's usage; {@link UsageLedger} says how long an entry is trusted */
    AccessCache(SecretKeys keys, ZoneId zone, UsageLedger ledger) {
        this.keys = keys;
        this.zone = zone;
        this.ledger = ledger;
    }

    /** What memory holds for the attempt: an incomplete snapshot, from which the rules decide what they can. */
    AccessSnapshot snapshot(AccessAttempt attempt, OffsetDateTime now) {
        String name = attempt.userName();
        // No voucher-shaped name is a MAC, and telling a voucher from a MAC by its shape is cheaper than parsing.
        if (VoucherIssuer.looksLikeCode(name)) {
            Voucher voucher = vouchers.get(VoucherIssuer.codeHash(keys, name));
            if (voucher == null) {
                return AccessSnapshot.unknown(now);
            }
            Optional<RememberedDevice> device = attempt.clientMac().isPresent()
                    ? device(attempt.clientMac().get(), attempt.nasId()) : Optional.empty();
            return new AccessSnapshot(now, false, AccessSnapshot.Login.VOUCHER_CODE, Optional.of(voucher), device,
                    usage(voucher.subscriberId(), true, now));
        }
        Optional<MacAddress> mac = MacAddress.tryParse(name);
        if (mac.isEmpty()) {
            return AccessSnapshot.unknown(now);
        }
        AccessSnapshot.Login login = new AccessSnapshot.Login.Mac(mac.get());
        RememberedDevice device = devices.get(new DeviceKey(mac.get(), attempt.nasId()));
        Voucher voucher = device == null || device.voucher().isEmpty() ? null : vouchers.get(device.voucher().get());
        if (device == null || device.voucher().isPresent() && voucher == null) {
            // Without its voucher, memory cannot tell the device's rules: as if it did not know the device.
            return new AccessSnapshot(now, false, login, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new AccessSnapshot(now, false, login, Optional.ofNullable(voucher), Optional.of(device),
                usage(device.subscriberId(), voucher != null, now));
    }

    /** Taken before a decision reads from the database, and handed to {@link #committed}. */
    Generation generation() {
        return new Generation(invalidations.get());
    }

    /**
     * A decision through the database committed: memory holds what it read, changed by what it wrote, unless
     * something of its kind was invalidated since {@code beforeRead}.
     */
    void committed(AccessSnapshot snapshot, List<Effect> effects, Generation beforeRead) {
        Voucher voucher = snapshot.voucher().orElse(null);
        List<RememberedDevice> kept = new ArrayList<>(2);
        snapshot.device().ifPresent(kept::add);
        for (Effect effect : effects) {
            if (effect instanceof Effect.DeviceBound bound) {
                voucher = voucher.withDevice(bound.device());
            } else if (effect instanceof Effect.VoucherUsed) {
                voucher = voucher.firstUsed();
            } else if (effect instanceof Effect.DeviceRemembered remembered) {
                kept.add(remembered.device());
            }
        }
        kept.forEach(this::put);
        if (voucher != null) {
            vouchers.put(voucher.codeHash(), voucher);
        }
        OptionalLong subscriber = snapshot.subscriberId();
        UsageLedger.Entry usage = subscriber.isPresent() && snapshot.usage().isPresent()
                ? ledger.keep(subscriber.getAsLong(), Usage.Window.of(snapshot.now(), zone, voucher != null), snapshot.usage().get())
                : null;
        long read = beforeRead.invalidations();
        for (RememberedDevice d : kept) {
            DeviceKey key = new DeviceKey(d.mac(), d.nasId());
            if (deviceChanges.since(key, read)) {
                devices.remove(key, d);
            }
        }
        if (voucher != null && voucherChanges.since(voucher.codeHash(), read)) {
            vouchers.remove(voucher.codeHash(), voucher);
        }
        if (usage != null && usageChanges.since(subscriber.getAsLong(), read)) {
            ledger.discard(subscriber.getAsLong(), usage);
        }
    }

    Optional<Voucher> voucher(String codeHash) {
        return Optional.ofNullable(vouchers.get(codeHash));
    }

    Optional<RememberedDevice> device(MacAddress mac, long nasId) {
        return Optional.ofNullable(devices.get(new DeviceKey(mac, nasId)));
    }

    /** The subscriber's sessions changed: their usage is read afresh. */
    void invalidateUsage(long subscriberId) {
        usageChanges.mark(subscriberId);
        ledger.forget(subscriberId);
    }

    /** Sessions changed for subscribers unknown (a gateway rebooted, stale sessions closed): every usage is read afresh. */
    void invalidateAllUsage() {
        usageChanges.markAll();
        ledger.forgetAll();
    }

    /** The voucher changed elsewhere (a device bound on another node, say): it is read afresh. */
    void invalidateVoucher(String codeHash) {
        voucherChanges.mark(codeHash);
        vouchers.remove(codeHash);
    }

    /** Vouchers changed elsewhere, which ones unknown: every one is read afresh. */
    void invalidateAllVouchers() {
        voucherChanges.markAll();
        vouchers.clear();
    }

    /** The device was remembered elsewhere (on another node, say): it is read afresh. */
    void invalidateDevice(MacAddress mac, long nasId) {
        DeviceKey key = new DeviceKey(mac, nasId);
        deviceChanges.mark(key);
        devices.remove(key);
    }

    /** Devices were remembered elsewhere, which ones unknown: every one is read afresh. */
    void invalidateAllDevices() {
        deviceChanges.markAll();
        devices.clear();
    }

    /** Drops expired vouchers and devices: they are refused from the database, which still has them. */
    void sweep(OffsetDateTime now) {
        vouchers.values().removeIf(v -> !v.validUntil().isAfter(now));
        devices.values().removeIf(d -> !d.expiresAt().isAfter(now));
    }

    private void put(RememberedDevice device) {
        devices.put(new DeviceKey(device.mac(), device.nasId()), device);
    }

    private Optional<Usage.Used> usage(long subscriberId, boolean voucher, OffsetDateTime now) {
        return ledger.find(subscriberId, Usage.Window.of(now, zone, voucher));
    }
}
