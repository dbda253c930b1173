package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.REMEMBERED_DEVICE;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.radius.auth.HotspotFixture.LAPTOP;
import static io.steppe.radius.auth.HotspotFixture.PHONE;
import static io.steppe.radius.auth.HotspotFixture.TABLET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each effect as written, and the ones another attempt can make impossible, found so when they are. */
class EffectWriterTest {

    @TempDir
    Path home;
    HotspotFixture f;
    final EffectWriter writer = new EffectWriter();

    @BeforeEach
    void open() {
        f = new HotspotFixture(home);
    }

    @AfterEach
    void close() {
        f.close();
    }

    Optional<Effect> apply(Effect... effects) {
        return f.db.dsl().transactionResult(tx -> writer.apply(tx.dsl(), List.of(effects), f.now()));
    }

    @Test
    void aDeviceIsBoundWhileTheVoucherHasRoomAndABoundDeviceStaysBound() {
        String code = f.voucher(90, Duration.ofDays(2), 2);
        String hash = VoucherIssuer.codeHash(f.keys, code);
        assertEquals(Optional.empty(), apply(new Effect.DeviceBound(hash, PHONE, 2)));
        assertEquals(Optional.empty(), apply(new Effect.DeviceBound(hash, PHONE, 2)), "bound already, by another attempt say");
        assertEquals(Optional.empty(), apply(new Effect.DeviceBound(hash, TABLET, 2)));
        Effect third = new Effect.DeviceBound(hash, LAPTOP, 2);
        assertEquals(Optional.of(third), apply(third), "the voucher was filled after the decision");
        assertEquals(2, f.devicesOf(code));
    }

    @Test
    void aCredentialIsSpentOnce() {
        f.portalLogin("p-abcdefghij", f.phoneSubscriber("en"), PHONE);
        Effect spent = new Effect.CredentialSpent("p-abcdefghij");
        assertEquals(Optional.empty(), apply(spent));
        assertEquals(f.now().toInstant(), f.db.dsl().select(LOGIN_CREDENTIAL.USED_AT).from(LOGIN_CREDENTIAL).fetchOne(LOGIN_CREDENTIAL.USED_AT)
                .toInstant());
        assertEquals(Optional.of(spent), apply(spent), "spent by another attempt after the decision");
    }

    @Test
    void nothingIsWrittenAfterTheEffectThatWasLost() {
        String code = f.voucher(90, Duration.ofDays(2), 1);
        String hash = VoucherIssuer.codeHash(f.keys, code);
        apply(new Effect.DeviceBound(hash, PHONE, 1));
        Effect full = new Effect.DeviceBound(hash, TABLET, 1);
        assertEquals(Optional.of(full), apply(full, new Effect.VoucherUsed(hash)));
        assertEquals(null, f.db.dsl().select(VOUCHER.FIRST_USED_AT).from(VOUCHER).fetchOne(VOUCHER.FIRST_USED_AT));
    }

    @Test
    void aVoucherKeepsItsFirstUse() {
        String hash = VoucherIssuer.codeHash(f.keys, f.voucher(90, Duration.ofDays(2), 1));
        OffsetDateTime first = f.now();
        assertEquals(Optional.empty(), apply(new Effect.VoucherUsed(hash)));
        f.clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), apply(new Effect.VoucherUsed(hash)), "used first elsewhere: nobody loses");
        assertEquals(first.toInstant(), f.db.dsl().select(VOUCHER.FIRST_USED_AT).from(VOUCHER).fetchOne(VOUCHER.FIRST_USED_AT).toInstant());
    }

    @Test
    void aDeviceIsRememberedAfreshForWhoeverLoggedInLast() {
        long before = f.phoneSubscriber("en");
        long after = f.phoneSubscriber("zh");
        f.remember(PHONE, before);
        OffsetDateTime until = f.now().plusDays(7).plusHours(1);
        assertEquals(Optional.empty(), apply(new Effect.DeviceRemembered(new RememberedDevice(PHONE, f.gateway, after, until, Optional.empty()))));
        var row = f.db.dsl().selectFrom(REMEMBERED_DEVICE).fetchOne();
        assertEquals(after, row.getSubscriberId());
        assertEquals(until.toInstant(), row.getExpiresAt().toInstant());
    }
}
