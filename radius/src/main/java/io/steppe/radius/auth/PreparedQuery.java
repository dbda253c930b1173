package io.steppe.radius.auth;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A query of the generated classes taking a subscriber and two instants, built and rendered by jOOQ once, then run
 * with each call's values bound in place of the placeholders it was built with. For queries on the hot path,
 * where building and rendering cost more than the database's work.
 */
final class PreparedQuery {

    /** Builds the query from its three parameters. */
    @FunctionalInterface
    interface Builder {
        ResultQuery<? extends Record> build(Field<Long> subscriber, Field<OffsetDateTime> since, Field<OffsetDateTime> dayStart);
    }

    /** Values no call binds, so that each placeholder can be told by its value in the rendered query's bind list. */
    private static final long SUBSCRIBER_MARK = -7_770_001L;
    private static final OffsetDateTime SINCE_MARK = OffsetDateTime.of(1901, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
    private static final OffsetDateTime DAY_START_MARK = OffsetDateTime.of(1901, 6, 7, 8, 9, 10, 0, ZoneOffset.UTC);

    private final String sql;
    /** Each bind of the rendered query in order: a mark to replace, or a constant of the query kept as it is. */
    private final List<Object> binds;
    private final Field<?>[] fields;

    private PreparedQuery(String sql, List<Object> binds, Field<?>[] fields) {
        this.sql = sql;
        this.binds = binds;
        this.fields = fields;
    }

    static PreparedQuery of(Builder builder) {
        Param<Long> subscriber = DSL.val(SUBSCRIBER_MARK, SQLDataType.BIGINT);
        Param<OffsetDateTime> since = DSL.val(SINCE_MARK, SQLDataType.TIMESTAMPWITHTIMEZONE);
        Param<OffsetDateTime> dayStart = DSL.val(DAY_START_MARK, SQLDataType.TIMESTAMPWITHTIMEZONE);
        ResultQuery<? extends Record> query = builder.build(subscriber, since, dayStart);
        DSLContext postgres = DSL.using(SQLDialect.POSTGRES);
        return new PreparedQuery(postgres.render(query), List.copyOf(postgres.extractBindValues(query)), query.fields());
    }

    /** Runs the query with these values; its one row, typed as the built query's fields. */
    Record fetchOne(DSLContext dsl, long subscriber, OffsetDateTime since, OffsetDateTime dayStart) {
        List<Object> values = new ArrayList<>(binds.size());
        for (Object b : binds) {
            values.add(Objects.equals(b, SUBSCRIBER_MARK) ? Long.valueOf(subscriber) : Objects.equals(b, SINCE_MARK) ? since
                    : Objects.equals(b, DAY_START_MARK) ? dayStart : b);
        }
        return dsl.resultQuery(sql, values.toArray()).coerce(fields).fetchOne();
    }
}
