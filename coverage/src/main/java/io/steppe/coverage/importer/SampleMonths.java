package io.steppe.coverage.importer;

import static io.steppe.db.schema.Routines.ensureCoverageSamplePartitions;

import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The months (UTC) of {@code coverage_sample}'s partitions that an import has made sure of. A month's partition is
 * made before the first row of that month is copied (the table has no default partition to catch it); each month is
 * asked for once per import, since a partition, once made, stays until the sample window drops it.
 */
final class SampleMonths {

    private final DSLContext dsl;
    private final Set<YearMonth> known = new HashSet<>();

    SampleMonths(Connection connection) {
        this.dsl = DSL.using(connection, SQLDialect.POSTGRES);
    }

    /** Makes sure the month of each of the first {@code size} {@code times} (epoch milliseconds) has its partition. */
    void cover(long[] times, int size) {
        for (int i = 0; i < size; i++) {
            OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(times[i]), ZoneOffset.UTC);
            if (known.add(YearMonth.from(at))) {
                ensureCoverageSamplePartitions(dsl.configuration(), at, at);
            }
        }
    }
}
