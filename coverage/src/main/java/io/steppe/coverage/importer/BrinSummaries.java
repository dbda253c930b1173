package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;

import io.steppe.db.schema.Indexes;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Keeps the samples table's BRIN indexes and statistics useful right after an import. A BRIN index ignores no
 * block range it has not summarised yet, and the planner, without statistics, reads the whole table instead: the
 * incremental update that follows an import would read every sample. PostgreSQL's autovacuum does both only
 * later (and "later" is after the update).
 */
final class BrinSummaries {

    /** Below this many new rows the planner's old statistics still hold; autovacuum catches up in its own time. */
    static final long ANALYZE_AFTER = 50_000;

    private BrinSummaries() {
    }

    /** After an import that stored {@code added} new rows. */
    static void afterImport(DSLContext dsl, long added) {
        if (added > 0) {
            summariseNew(dsl, Indexes.COVERAGE_SAMPLE_MEASURED_BRIN);
        }
        if (added >= ANALYZE_AFTER) {
            analyse(dsl);
        }
    }

    /**
     * Summarises the block ranges written since the last summary of {@code index}, in each monthly partition (the
     * index on the partitioned table is a parent of one index per partition); cost is proportional to those ranges.
     */
    static void summariseNew(DSLContext dsl, Index index) {
        Field<Object> child = DSL.field("inhrelid::regclass", Object.class);
        dsl.select(DSL.function("brin_summarize_new_values", SQLDataType.INTEGER, child))
                .from(DSL.table("pg_inherits"))
                .where(DSL.field("inhparent").eq(DSL.field("{0}::regclass", Object.class, DSL.inline(index.getName()))))
                .fetch();
    }

    private static void analyse(DSLContext dsl) {
        // jOOQ has no ANALYZE; the table name still comes from the generated schema
        dsl.query("analyze " + COVERAGE_SAMPLE.getName()).execute();
    }
}
