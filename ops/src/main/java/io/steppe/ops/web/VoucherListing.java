package io.steppe.ops.web;

import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_BATCH;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The newest vouchers and batches, as the console lists them: never a code, only its first two characters. */
public final class VoucherListing {

    /** How many of the newest vouchers the page lists; older ones are still revocable by code or batch. */
    static final int LIMIT = 200;

    private static final Field<BigDecimal> SECONDS_USED = DSL.field(DSL.select(DSL.coalesce(DSL.sum(RADIUS_SESSION.SESSION_TIME), BigDecimal.ZERO))
            .from(RADIUS_SESSION).where(RADIUS_SESSION.SUBSCRIBER_ID.eq(VOUCHER.SUBSCRIBER_ID))).add(
            DSL.field(DSL.select(DSL.coalesce(DSL.sum(RADIUS_SESSION_OPEN.SESSION_TIME), BigDecimal.ZERO))
                    .from(RADIUS_SESSION_OPEN).where(RADIUS_SESSION_OPEN.SUBSCRIBER_ID.eq(VOUCHER.SUBSCRIBER_ID)))).as("seconds_used");
    private static final Field<Integer> DEVICES_BOUND = DSL.field(DSL.selectCount().from(VOUCHER_DEVICE)
            .where(VOUCHER_DEVICE.CODE_HASH.eq(VOUCHER.CODE_HASH))).as("devices_bound");

    /**
     * One voucher.
     *
     * @param id the subscriber it is, which the console's revoke button names (never the code or its hash)
     */
    public record Row(long id, String codeStart, UUID batch, Instant createdAt, int minutes, Instant validUntil, int maxDevices,
               int devicesBound, VoucherState state) {
    }

    /** One batch: when and by whom, how many vouchers and how many of them could still be revoked. */
    public record Batch(UUID id, Instant createdAt, String createdBy, int vouchers, int inForce) {
    }

    private final DSLContext dsl;

    VoucherListing(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Row> newest(Instant now) {
        return dsl.select(VOUCHER.SUBSCRIBER_ID, VOUCHER.CODE_START, VOUCHER.BATCH_ID, VOUCHER.CREATED_AT, VOUCHER.MINUTES,
                        VOUCHER.VALID_UNTIL, VOUCHER.MAX_DEVICES, VOUCHER.FIRST_USED_AT, VOUCHER.REVOKED_AT, SECONDS_USED, DEVICES_BOUND)
                .from(VOUCHER).orderBy(VOUCHER.CREATED_AT.desc(), VOUCHER.SUBSCRIBER_ID.desc()).limit(LIMIT)
                .fetch(r -> new Row(r.get(VOUCHER.SUBSCRIBER_ID), r.get(VOUCHER.CODE_START), r.get(VOUCHER.BATCH_ID),
                        r.get(VOUCHER.CREATED_AT).toInstant(), r.get(VOUCHER.MINUTES), r.get(VOUCHER.VALID_UNTIL).toInstant(),
                        r.get(VOUCHER.MAX_DEVICES), r.get(DEVICES_BOUND),
                        VoucherState.of(r.get(VOUCHER.REVOKED_AT) != null, r.get(VOUCHER.VALID_UNTIL).toInstant(),
                                r.get(VOUCHER.FIRST_USED_AT) != null, r.get(SECONDS_USED).longValue(), r.get(VOUCHER.MINUTES), now)));
    }

    /** The newest batches; "in force" counts those neither revoked nor expired. */
    List<Batch> batches(Instant now) {
        Field<Integer> vouchers = DSL.count(VOUCHER.SUBSCRIBER_ID).as("vouchers");
        Field<Integer> inForce = DSL.count().filterWhere(VOUCHER.REVOKED_AT.isNull()
                .and(VOUCHER.VALID_UNTIL.gt(now.atOffset(java.time.ZoneOffset.UTC)))).as("in_force");
        return dsl.select(VOUCHER_BATCH.ID, VOUCHER_BATCH.CREATED_AT, VOUCHER_BATCH.CREATED_BY, vouchers, inForce)
                .from(VOUCHER_BATCH).leftJoin(VOUCHER).on(VOUCHER.BATCH_ID.eq(VOUCHER_BATCH.ID))
                .groupBy(VOUCHER_BATCH.ID).orderBy(VOUCHER_BATCH.CREATED_AT.desc()).limit(50)
                .fetch(r -> new Batch(r.get(VOUCHER_BATCH.ID), r.get(VOUCHER_BATCH.CREATED_AT).toInstant(), r.get(VOUCHER_BATCH.CREATED_BY),
                        r.get(vouchers), r.get(inForce)));
    }
}
