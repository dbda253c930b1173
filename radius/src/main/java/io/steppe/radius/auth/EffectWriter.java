package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.REMEMBERED_DEVICE;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes the effects of an accepted attempt in the transaction that decided it. Each write checks, as it is made,
 * what the decision took for granted of rows another node may have changed meanwhile (a voucher's room for one more
 * device, a credential not yet spent), so that a voucher never holds more devices than it allows and a credential
 * lets in one device once, whichever node decides.
 */
final class EffectWriter {

    /** Writes {@code effects} in order; returns the first one another attempt made impossible, and writes nothing after it. */
    Optional<Effect> apply(DSLContext tx, List<Effect> effects, OffsetDateTime now) {
        for (Effect effect : effects) {
            if (!applied(tx, effect, now)) {
                return Optional.of(effect);
            }
        }
        return Optional.empty();
    }

    private static boolean applied(DSLContext tx, Effect effect, OffsetDateTime now) {
        if (effect instanceof Effect.DeviceBound bound) {
            return bind(tx, bound, now);
        }
        if (effect instanceof Effect.VoucherUsed used) {
            tx.update(VOUCHER).set(VOUCHER.FIRST_USED_AT, now)
                    .where(VOUCHER.CODE_HASH.eq(used.voucher())).and(VOUCHER.FIRST_USED_AT.isNull()).execute();
            return true;
        }
        if (effect instanceof Effect.CredentialSpent spent) {
            return tx.update(LOGIN_CREDENTIAL).set(LOGIN_CREDENTIAL.USED_AT, now)
                    .where(LOGIN_CREDENTIAL.USERNAME.eq(spent.username())).and(LOGIN_CREDENTIAL.USED_AT.isNull()).execute() == 1;
        }
        RememberedDevice device = ((Effect.DeviceRemembered) effect).device();
        tx.insertInto(REMEMBERED_DEVICE)
                .set(REMEMBERED_DEVICE.MAC, device.mac().toString())
                .set(REMEMBERED_DEVICE.NAS_ID, device.nasId())
                .set(REMEMBERED_DEVICE.SUBSCRIBER_ID, device.subscriberId())
                .set(REMEMBERED_DEVICE.EXPIRES_AT, device.expiresAt())
                .onConflict(REMEMBERED_DEVICE.MAC, REMEMBERED_DEVICE.NAS_ID).doUpdate()
                .set(REMEMBERED_DEVICE.SUBSCRIBER_ID, device.subscriberId())
                .set(REMEMBERED_DEVICE.EXPIRES_AT, device.expiresAt())
                .execute();
        return true;
    }

    /** Binds the device while the voucher has fewer than its devices; a device bound already stays bound. */
    private static boolean bind(DSLContext tx, Effect.DeviceBound bound, OffsetDateTime now) {
        String mac = bound.device().toString();
        var boundSoFar = DSL.selectCount().from(VOUCHER_DEVICE).where(VOUCHER_DEVICE.CODE_HASH.eq(bound.voucher()));
        int inserted = tx.insertInto(VOUCHER_DEVICE, VOUCHER_DEVICE.CODE_HASH, VOUCHER_DEVICE.MAC, VOUCHER_DEVICE.FIRST_SEEN)
                .select(DSL.select(DSL.val(bound.voucher()), DSL.val(mac), DSL.val(now))
                        .where(DSL.field(boundSoFar).lt(bound.maxDevices())))
                .onConflictDoNothing()
                .execute();
        return inserted == 1
                || tx.fetchExists(VOUCHER_DEVICE, VOUCHER_DEVICE.CODE_HASH.eq(bound.voucher()).and(VOUCHER_DEVICE.MAC.eq(mac)));
    }
}
