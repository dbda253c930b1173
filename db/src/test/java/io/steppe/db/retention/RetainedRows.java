package io.steppe.db.retention;

import static io.steppe.db.schema.Tables.ACCESS_POINT;
import static io.steppe.db.schema.Tables.AP_SAMPLE_1H;
import static io.steppe.db.schema.Tables.AP_STATE_CHANGE;
import static io.steppe.db.schema.Tables.COA_REQUEST;
import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.SMS_CODE;

import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.postgres.extensions.types.Inet;

/** One row of each retained table at a given time, as Steppe writes them. */
final class RetainedRows {

    static final String AP = "ap-1";

    private RetainedRows() {
    }

    static void accessPoint(DSLContext dsl) {
        dsl.insertInto(ACCESS_POINT).set(ACCESS_POINT.ID, AP).set(ACCESS_POINT.MAC, "02:00:00:00:00:01")
                .set(ACCESS_POINT.NAME, "AP one").set(ACCESS_POINT.TOKEN_HASH, new byte[32]).execute();
    }

    /** A row of {@code table} whose key is {@code at}. */
    static void insert(DSLContext dsl, RetainedTable table, Instant at) {
        OffsetDateTime t = at.atOffset(ZoneOffset.UTC);
        switch (table.name()) {
            case "radius_session" -> dsl.insertInto(RADIUS_SESSION).set(RADIUS_SESSION.UNIQUE_ID, "u" + at.toEpochMilli())
                    .set(RADIUS_SESSION.SESSION_ID, "s").set(RADIUS_SESSION.NAS_ADDRESS, Inet.valueOf(InetAddress.getLoopbackAddress()))
                    .set(RADIUS_SESSION.USERNAME, "user").set(RADIUS_SESSION.STARTED_AT, t).set(RADIUS_SESSION.UPDATED_AT, t)
                    .set(RADIUS_SESSION.STOPPED_AT, t.plusHours(1)).set(RADIUS_SESSION.TERMINATE_CAUSE, "User-Request").execute();
            case "coa_request" -> dsl.insertInto(COA_REQUEST).set(COA_REQUEST.KIND, "disconnect").set(COA_REQUEST.REASON, "quota")
                    .set(COA_REQUEST.REQUESTED_BY, "system").set(COA_REQUEST.REQUESTED_AT, t).set(COA_REQUEST.RESULT, "ack")
                    .set(COA_REQUEST.ATTEMPTS, 1).execute();
            case "sms_code" -> dsl.insertInto(SMS_CODE).set(SMS_CODE.PHONE_HMAC, new byte[32]).set(SMS_CODE.CODE_HMAC, new byte[32])
                    .set(SMS_CODE.CLIENT_MAC, "02:00:00:00:00:02").set(SMS_CODE.GATEWAY, "gw").set(SMS_CODE.CREATED_AT, t)
                    .set(SMS_CODE.EXPIRES_AT, t.plusMinutes(5)).execute();
            case "ap_sample_1h" -> dsl.insertInto(AP_SAMPLE_1H).set(AP_SAMPLE_1H.AP_ID, AP).set(AP_SAMPLE_1H.BUCKET, t)
                    .set(AP_SAMPLE_1H.SAMPLES, 120).execute();
            case "ap_state_change" -> dsl.insertInto(AP_STATE_CHANGE).set(AP_STATE_CHANGE.AP_ID, AP).set(AP_STATE_CHANGE.AT, t)
                    .set(AP_STATE_CHANGE.FROM_STATE, "UP").set(AP_STATE_CHANGE.TO_STATE, "DOWN").execute();
            default -> throw new IllegalArgumentException(table.name());
        }
    }

    /** The times of {@code table}'s rows, through the partitioned table. */
    static java.util.List<Instant> times(DSLContext dsl, RetainedTable table) {
        return dsl.select(table.key()).from(table.table()).orderBy(table.key()).fetch(r -> r.value1().toInstant());
    }
}
