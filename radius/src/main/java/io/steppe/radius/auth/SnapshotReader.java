package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.REMEMBERED_DEVICE;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;

import io.steppe.db.keys.SecretKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.db.schema.tables.records.LoginCredentialRecord;
import io.steppe.radius.packet.AccessAttempt;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Reads from the database every row the rules may need to decide an attempt, as a complete {@link AccessSnapshot}.
 * Within a transaction it locks the voucher and the portal credential it reads, so that attempts on one voucher or
 * credential are decided one after the other, on every node; {@link EffectWriter} checks again what it writes.
 */
final class SnapshotReader {

    private static final Field<String[]> BOUND = DSL.array(DSL.select(VOUCHER_DEVICE.MAC).from(VOUCHER_DEVICE)
            .where(VOUCHER_DEVICE.CODE_HASH.eq(VOUCHER.CODE_HASH))).as("bound");

    private final SecretKeys keys;
    private final ZoneId zone;

    SnapshotReader(SecretKeys keys, ZoneId zone) {
        this.keys = keys;
        this.zone = zone;
    }

    AccessSnapshot read(DSLContext tx, AccessAttempt attempt, OffsetDateTime now) {
        String name = attempt.userName();
        // A name shaped like a voucher code is looked up as one first: one query fewer on the common path. No such name is a MAC.
        boolean voucherShaped = VoucherIssuer.looksLikeCode(name);
        Optional<MacAddress> userMac = voucherShaped ? Optional.empty() : MacAddress.tryParse(name);
        if (userMac.isPresent()) {
            Optional<RememberedDevice> device = remembered(tx, userMac.get(), attempt.nasId());
            Optional<Voucher> voucher = device.flatMap(RememberedDevice::voucher).flatMap(hash -> voucher(tx, VOUCHER.CODE_HASH.eq(hash), true));
            return snapshot(tx, now, new AccessSnapshot.Login.Mac(userMac.get()), voucher, device,
                    device.map(RememberedDevice::subscriberId));
        }
        if (voucherShaped) {
            Optional<AccessSnapshot> byCode = byVoucherCode(tx, attempt, now, true);
            if (byCode.isPresent()) {
                return byCode.get();
            }
        }
        Optional<PortalCredential> credential = credential(tx, name);
        if (credential.isPresent()) {
            long subscriberId = credential.get().subscriberId();
            return snapshot(tx, now, new AccessSnapshot.Login.Portal(credential.get()), voucher(tx, VOUCHER.SUBSCRIBER_ID.eq(subscriberId), true),
                    asking(tx, attempt), Optional.of(subscriberId));
        }
        return (voucherShaped ? Optional.<AccessSnapshot>empty() : byVoucherCode(tx, attempt, now, true))
                .orElse(new AccessSnapshot(now, true, AccessSnapshot.Login.NOBODY, Optional.empty(), Optional.empty(), Optional.empty()));
    }

    /**
     * What a voucher code typed on the portal would be judged by, read without locking: the portal only foresees the
     * decision, which the RADIUS server takes again, locked, when the gateway asks. A lock here would make the
     * read a write, with a commit to wait for, at every voucher typed.
     */
    Optional<AccessSnapshot> foresee(DSLContext dsl, AccessAttempt attempt, OffsetDateTime now) {
        return byVoucherCode(dsl, attempt, now, false);
    }

    /** The subscriber's voucher, if they are one, and usage: what is left of their allowance follows from these. */
    AccessSnapshot subscriber(DSLContext dsl, long subscriberId, OffsetDateTime now) {
        return snapshot(dsl, now, AccessSnapshot.Login.NOBODY, voucher(dsl, VOUCHER.SUBSCRIBER_ID.eq(subscriberId), false), Optional.empty(),
                Optional.of(subscriberId));
    }

    private Optional<AccessSnapshot> byVoucherCode(DSLContext tx, AccessAttempt attempt, OffsetDateTime now, boolean lock) {
        return voucher(tx, VOUCHER.CODE_HASH.eq(VoucherIssuer.codeHash(keys, attempt.userName())), lock)
                .map(v -> snapshot(tx, now, AccessSnapshot.Login.VOUCHER_CODE, Optional.of(v), asking(tx, attempt),
                        Optional.of(v.subscriberId())));
    }

    private AccessSnapshot snapshot(DSLContext tx, OffsetDateTime now, AccessSnapshot.Login login, Optional<Voucher> voucher,
                                    Optional<RememberedDevice> device, Optional<Long> subscriberId) {
        Optional<Usage.Used> usage = subscriberId.map(id -> Usage.of(tx, id, Usage.Window.of(now, zone, voucher.isPresent())));
        return new AccessSnapshot(now, true, login, voucher, device, usage);
    }

    /** The asking device as remembered on the attempt's gateway, when the gateway named it. */
    private static Optional<RememberedDevice> asking(DSLContext tx, AccessAttempt attempt) {
        return attempt.clientMac().flatMap(mac -> remembered(tx, mac, attempt.nasId()));
    }

    /** The device as remembered on the gateway, expired or not, with the voucher its subscriber is. */
    private static Optional<RememberedDevice> remembered(DSLContext tx, MacAddress mac, long nasId) {
        return tx.select(REMEMBERED_DEVICE.SUBSCRIBER_ID, REMEMBERED_DEVICE.EXPIRES_AT, VOUCHER.CODE_HASH)
                .from(REMEMBERED_DEVICE).leftJoin(VOUCHER).on(VOUCHER.SUBSCRIBER_ID.eq(REMEMBERED_DEVICE.SUBSCRIBER_ID))
                .where(REMEMBERED_DEVICE.MAC.eq(mac.toString())).and(REMEMBERED_DEVICE.NAS_ID.eq(nasId))
                .fetchOptional(r -> new RememberedDevice(mac, nasId, r.value1(), r.value2(), Optional.ofNullable(r.value3())));
    }

    /**
     * The voucher with its devices, locked when it is read to decide an attempt. The devices come from this statement's
     * snapshot, which, if it waited for the lock, may miss a device bound meanwhile: {@link EffectWriter} counts them
     * again before binding one more.
     */
    private static Optional<Voucher> voucher(DSLContext tx, Condition which, boolean lock) {
        var select = tx.select(VOUCHER.CODE_HASH, VOUCHER.SUBSCRIBER_ID, VOUCHER.MINUTES, VOUCHER.VALID_UNTIL, VOUCHER.MAX_DEVICES,
                VOUCHER.FIRST_USED_AT, VOUCHER.REVOKED_AT, BOUND).from(VOUCHER).where(which);
        return (lock ? select.forUpdate().of(VOUCHER) : select).fetchOptional(SnapshotReader::voucher);
    }

    private static Voucher voucher(Record r) {
        return new Voucher(r.get(VOUCHER.CODE_HASH), r.get(VOUCHER.SUBSCRIBER_ID), r.get(VOUCHER.MINUTES), r.get(VOUCHER.VALID_UNTIL),
                r.get(VOUCHER.MAX_DEVICES), r.get(VOUCHER.FIRST_USED_AT) != null,
                Arrays.stream(r.get(BOUND)).map(MacAddress::parse).collect(Collectors.toSet()), r.get(VOUCHER.REVOKED_AT) != null);
    }

    private Optional<PortalCredential> credential(DSLContext tx, String username) {
        return tx.selectFrom(LOGIN_CREDENTIAL).where(LOGIN_CREDENTIAL.USERNAME.eq(username)).forUpdate().fetchOptional()
                .map(this::credential);
    }

    private PortalCredential credential(LoginCredentialRecord c) {
        return new PortalCredential(c.getUsername(), keys.credentialPassword(c.getUsername()), c.getSubscriberId(),
                MacAddress.parse(c.getClientMac()), c.getExpiresAt(), c.getUsedAt() != null);
    }
}
