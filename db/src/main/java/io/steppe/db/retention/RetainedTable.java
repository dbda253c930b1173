package io.steppe.db.retention;

import static io.steppe.db.schema.Tables.AP_SAMPLE_1H;
import static io.steppe.db.schema.Tables.AP_STATE_CHANGE;
import static io.steppe.db.schema.Tables.COA_REQUEST;
import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.SMS_CODE;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Field;
import org.jooq.Table;

/**
 * A table partitioned by month of {@code key} and kept for the retention window.
 *
 * @param table the partitioned table, through which rows are read and written
 * @param key   the time its partitions are ranged by
 */
public record RetainedTable(Table<?> table, Field<OffsetDateTime> key) {

    /**
     * What the retention window applies to: closed sessions, CoA requests, SMS codes (the SMS login record) and the
     * AP history kept for months (hourly averages, changes of state).
     */
    public static final List<RetainedTable> ALL = List.of(
            new RetainedTable(RADIUS_SESSION, RADIUS_SESSION.STARTED_AT),
            new RetainedTable(COA_REQUEST, COA_REQUEST.REQUESTED_AT),
            new RetainedTable(SMS_CODE, SMS_CODE.CREATED_AT),
            new RetainedTable(AP_SAMPLE_1H, AP_SAMPLE_1H.BUCKET),
            new RetainedTable(AP_STATE_CHANGE, AP_STATE_CHANGE.AT));

    public String name() {
        return table.getName();
    }
}
