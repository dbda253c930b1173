package io.steppe.radius.auth;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vouchers this server has seen, with the devices bound to them, as they were last committed. Vouchers are
 * created elsewhere (the CLI, another process) and are then found in the database on first use; after
 * that a voucher changes only through this server's own authentications, which update the book once
 * their transaction has committed.
 */
final class VoucherBook {

    /** A voucher's terms and the devices already bound to it. */
    record Voucher(String codeHash, long subscriberId, int minutes, OffsetDateTime validUntil, int maxDevices, boolean used,
                   Set<String> devices) {
    }

    private final Map<String, Voucher> vouchers = new ConcurrentHashMap<>();

    /** @param codeHash the code's keyed hash, as stored */
    Optional<Voucher> find(String codeHash) {
        return Optional.ofNullable(vouchers.get(codeHash));
    }

    void put(Voucher voucher) {
        vouchers.put(voucher.codeHash(), voucher);
    }

    /** Drops expired vouchers: they are refused from the database, which still has them. */
    void sweep(OffsetDateTime now) {
        vouchers.values().removeIf(v -> !v.validUntil().isAfter(now));
    }

    int size() {
        return vouchers.size();
    }
}
