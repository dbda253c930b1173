package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;

import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A COPY that PostgreSQL refused for the values of its rows (SQLSTATE class 22, data exception, or 23, integrity
 * constraint violation) rather than for the connection or the server, and the reason to report for the row: the
 * upload's field and the problem, never the table's SQL names.
 */
final class RefusedValue {

    /** PostgreSQL names the column in the context of a COPY error: {@code COPY coverage_sample, line 1, column device: "…"}. */
    private static final Pattern COLUMN = Pattern.compile("column (\\w+)");
    private static final Map<Field<?>, String> UPLOAD_FIELDS = Map.ofEntries(Map.entry(COVERAGE_SAMPLE.MEASURED_AT, "timestamp"),
            Map.entry(COVERAGE_SAMPLE.LATITUDE, "lat"), Map.entry(COVERAGE_SAMPLE.LONGITUDE, "lon"),
            Map.entry(COVERAGE_SAMPLE.OPERATOR, "mcc/mnc"), Map.entry(COVERAGE_SAMPLE.RAT, "rat"), Map.entry(COVERAGE_SAMPLE.RSRP, "rsrp"),
            Map.entry(COVERAGE_SAMPLE.RSRQ, "rsrq"), Map.entry(COVERAGE_SAMPLE.SINR, "sinr"), Map.entry(COVERAGE_SAMPLE.DL_MBPS, "dl_mbps"),
            Map.entry(COVERAGE_SAMPLE.UL_MBPS, "ul_mbps"), Map.entry(COVERAGE_SAMPLE.DEVICE, "device_id"));

    private RefusedValue() {
    }

    static boolean is(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    static String reason(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String field = null;
        if (server != null && server.getWhere() != null) {
            Matcher m = COLUMN.matcher(server.getWhere());
            if (m.find()) {
                field = UPLOAD_FIELDS.entrySet().stream().filter(f -> f.getKey().getName().equals(m.group(1)))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
        }
        // a data exception's message describes the value (invalid byte sequence, out of range); a constraint's names SQL
        String problem = server != null && e.getSQLState().startsWith("22") ? server.getMessage() : "the value is not allowed";
        return (field == null ? "a value of this row" : field) + " cannot be stored: " + problem;
    }
}
