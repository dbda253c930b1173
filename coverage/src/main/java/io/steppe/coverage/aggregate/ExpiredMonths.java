package io.steppe.coverage.aggregate;

import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The monthly partitions of {@code coverage_sample} (made by the importer, named {@code coverage_sample_yYYYYmMM})
 * whose whole month lies before the sample window: dropped whole, which frees their space at once, where deleting
 * the rows would leave dead tuples for vacuum. The partitions are not in the generated schema, so they are found in
 * PostgreSQL's catalogue by the parent's name.
 */
final class ExpiredMonths {

    private static final Pattern NAME = Pattern.compile(COVERAGE_SAMPLE.getName() + "_y(\\d{4})m(\\d{2})");

    private ExpiredMonths() {
    }

    /** Drops the partitions of months that ended at or before {@code windowStart}; returns their names. */
    static List<String> drop(DSLContext dsl, OffsetDateTime windowStart) {
        List<String> partitions = dsl.select(DSL.field("inhrelid::regclass::text", String.class)).from(DSL.table("pg_inherits"))
                .where(DSL.field("inhparent").eq(DSL.field("{0}::regclass", Object.class, DSL.inline(COVERAGE_SAMPLE.getName()))))
                .fetch(0, String.class);
        List<String> expired = partitions.stream().filter(p -> {
            Matcher m = NAME.matcher(p);
            return m.matches() && !YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).plusMonths(1).atDay(1)
                    .atStartOfDay().atOffset(ZoneOffset.UTC).isAfter(windowStart);
        }).sorted().toList();
        for (String p : expired) {
            dsl.dropTable(DSL.name(p)).execute();
        }
        return expired;
    }
}
