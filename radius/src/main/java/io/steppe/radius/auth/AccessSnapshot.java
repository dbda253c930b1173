package io.steppe.radius.auth;

import io.steppe.db.net.MacAddress;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything one decision reads, as it was last committed: from memory ({@link AccessCache}) or from the database
 * ({@link SnapshotReader}). {@link HotspotRules} decide from it alone, whichever it came from.
 *
 * @param now      when the attempt is decided
 * @param complete whether a row missing here is missing from the database; memory holds only some rows, so a
 *                 snapshot from memory is not, and the rules answer from it only what its rows settle
 * @param login    what the User-Name named
 * @param voucher  the voucher whose rules apply: the one named, or the one the subscriber is
 * @param device   the asking device as remembered on this gateway: the User-Name's MAC under MAC authentication,
 *                 otherwise the Calling-Station-Id's
 * @param usage    the subscriber's usage: over the voucher's whole life, or today's ({@link Usage.Window})
 */
record AccessSnapshot(OffsetDateTime now, boolean complete, Login login, Optional<Voucher> voucher,
                      Optional<RememberedDevice> device, Optional<Usage.Used> usage) {

    AccessSnapshot {
        Objects.requireNonNull(now, "now");
        if (login instanceof Login.VoucherCode && voucher.isEmpty()) {
            throw new IllegalArgumentException("a voucher code without its voucher");
        }
    }

    /** A snapshot from memory that knows nothing of the User-Name. */
    static AccessSnapshot unknown(OffsetDateTime now) {
        return new AccessSnapshot(now, false, Login.NOBODY, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whose allowance the attempt would be charged to, when the snapshot knows. */
    OptionalLong subscriberId() {
        if (login instanceof Login.Mac) {
            return device.map(d -> OptionalLong.of(d.subscriberId())).orElse(OptionalLong.empty());
        }
        if (login instanceof Login.Portal p) {
            return OptionalLong.of(p.credential().subscriberId());
        }
        return voucher.map(v -> OptionalLong.of(v.subscriberId())).orElse(OptionalLong.empty());
    }

    /** What the User-Name named. */
    sealed interface Login {

        Login VOUCHER_CODE = new VoucherCode();
        Login NOBODY = new Nobody();

        /** MAC authentication: the User-Name is this device's MAC. */
        record Mac(MacAddress mac) implements Login {
        }

        /** A voucher code: the snapshot's voucher. */
        record VoucherCode() implements Login {
        }

        /** A one-time credential from the portal. */
        record Portal(PortalCredential credential) implements Login {
        }

        /** Nobody by that name; in a snapshot from memory, nobody memory knows. */
        record Nobody() implements Login {
        }
    }
}
