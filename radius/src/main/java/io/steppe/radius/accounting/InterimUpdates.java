package io.steppe.radius.accounting;

import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;

import io.steppe.radius.packet.AccountingRecord;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Interim-Updates of distinct open sessions, in one statement however many there are: an {@code UPDATE} over
 * arrays of their values, after a setting that finds each session through the primary key, never by a scan of the
 * whole table (a plan made while the table was near empty, after a restart, would otherwise scan it for every batch
 * until the next ANALYZE). The setting lasts until the transaction ends; every other statement of a batch goes by
 * an index anyway. Sent with the update, it costs no round trip of its own, and nor does the {@code COMMIT} that
 * may end the statement when the update is the last of its transaction. Rendered once: jOOQ renders and binds a
 * statement anew for every execution, and that was half of the writer thread's time.
 */
final class InterimUpdates {

    private static final String UPDATE = renderer().renderInlined(DSL.setLocal(DSL.name("enable_seqscan"), DSL.inline("off")))
            + ";\n" + renderer().render(
            DSL.update(RADIUS_SESSION_OPEN)
                    .set(RADIUS_SESSION_OPEN.SESSION_TIME, greatest(RADIUS_SESSION_OPEN.SESSION_TIME, DSL.field(DSL.name("v", "t"), Long.class)))
                    .set(RADIUS_SESSION_OPEN.INPUT_OCTETS, greatest(RADIUS_SESSION_OPEN.INPUT_OCTETS, DSL.field(DSL.name("v", "i"), Long.class)))
                    .set(RADIUS_SESSION_OPEN.OUTPUT_OCTETS, greatest(RADIUS_SESSION_OPEN.OUTPUT_OCTETS, DSL.field(DSL.name("v", "o"), Long.class)))
                    .set(RADIUS_SESSION_OPEN.UPDATED_AT, greatest(RADIUS_SESSION_OPEN.UPDATED_AT,
                            DSL.field(DSL.name("v", "at"), RADIUS_SESSION_OPEN.UPDATED_AT.getDataType())))
                    .set(RADIUS_SESSION_OPEN.FRAMED_IP, coalesce(DSL.field(DSL.name("v", "ip"), RADIUS_SESSION_OPEN.FRAMED_IP.getDataType()),
                            RADIUS_SESSION_OPEN.FRAMED_IP))
                    // jOOQ has no multi-array unnest; the generated columns still name every target.
                    .from(DSL.table("unnest({0}, {1}, {2}, {3}, {4}::timestamptz[], {5}::inet[])",
                                    DSL.param("u", SQLDataType.CLOB.array()), DSL.param("t", SQLDataType.BIGINT.array()),
                                    DSL.param("i", SQLDataType.BIGINT.array()), DSL.param("o", SQLDataType.BIGINT.array()),
                                    DSL.param("at", SQLDataType.CLOB.array()), DSL.param("ip", SQLDataType.CLOB.array()))
                            .as("v", "u", "t", "i", "o", "at", "ip"))
                    .where(RADIUS_SESSION_OPEN.UNIQUE_ID.eq(DSL.field(DSL.name("v", "u"), RADIUS_SESSION_OPEN.UNIQUE_ID.getDataType()))));
    private static final String UPDATE_AND_COMMIT = UPDATE + ";\n" + renderer().render(DSL.commit());

    private InterimUpdates() {
    }

    private static DSLContext renderer() {
        return DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false));
    }

    /**
     * Updates the sessions {@code records} name, in the transaction open on {@code c}.
     *
     * @param commit end that transaction with the update, in the same round trip
     * @return how many sessions were open to update
     */
    static int apply(Connection c, List<AccountingRecord> records, boolean commit) throws SQLException {
        int n = records.size();
        String[] ids = new String[n];
        Long[] times = new Long[n];
        Long[] inputs = new Long[n];
        Long[] outputs = new Long[n];
        String[] at = new String[n];
        String[] ips = new String[n];
        for (int i = 0; i < n; i++) {
            AccountingRecord r = records.get(i);
            ids[i] = r.uniqueId();
            times[i] = r.sessionTime();
            inputs[i] = r.inputOctets();
            outputs[i] = r.outputOctets();
            at[i] = r.eventTime().toString();
            ips[i] = r.framedIp().map(InetAddress::getHostAddress).orElse(null);
        }
        try (PreparedStatement update = c.prepareStatement(commit ? UPDATE_AND_COMMIT : UPDATE)) {
            update.setArray(1, c.createArrayOf("text", ids));
            update.setArray(2, c.createArrayOf("int8", times));
            update.setArray(3, c.createArrayOf("int8", inputs));
            update.setArray(4, c.createArrayOf("int8", outputs));
            update.setArray(5, c.createArrayOf("text", at));
            update.setArray(6, c.createArrayOf("text", ips));
            update.execute(); // the setting's (empty) result, then the update's count (then the commit's)
            update.getMoreResults();
            return update.getUpdateCount();
        }
    }
}
