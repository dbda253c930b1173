package io.steppe.db.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A partitioned table's partitions as PostgreSQL's catalog has them. Their bounds are read back rather than
 * assumed from their names, so that partitions made by an earlier version, in another time zone, are respected.
 *
 * @param months           the ranged partitions, oldest first; one whose bounds are not two times is left out,
 *                         and so is never dropped
 * @param defaultPartition the partition for rows outside every range, if the table has one
 */
record Partitions(List<MonthPartition> months, Optional<String> defaultPartition) {

    /** Further than any time zone's offset, closer than any month. */
    private static final Duration NEIGHBOUR = Duration.ofDays(1);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuu_MM");
    private static final String BOUND = "pg_get_expr(c.relpartbound, c.oid)";

    static Partitions of(DSLContext tx, String table) {
        List<MonthPartition> months = new ArrayList<>();
        String[] defaultName = {null};
        tx.resultQuery("SELECT c.relname, " + BOUND + " = 'DEFAULT', "
                        + "substring(" + BOUND + " from 'FROM \\(''([^'']*)''\\)')::timestamptz, "
                        + "substring(" + BOUND + " from 'TO \\(''([^'']*)''\\)')::timestamptz "
                        + "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = {0}::regclass",
                        DSL.val(table))
                .forEach(r -> {
                    String name = r.get(0, String.class);
                    OffsetDateTime from = r.get(2, OffsetDateTime.class);
                    OffsetDateTime to = r.get(3, OffsetDateTime.class);
                    if (Boolean.TRUE.equals(r.get(1, Boolean.class))) {
                        defaultName[0] = name;
                    } else if (from != null && to != null) {
                        months.add(new MonthPartition(name, from.toInstant(), to.toInstant()));
                    }
                });
        months.sort(Comparator.comparing(MonthPartition::from));
        return new Partitions(List.copyOf(months), Optional.ofNullable(defaultName[0]));
    }

    /**
     * The partition to make for the UTC month {@code month} of {@code table}, or none when a partition already holds
     * most of that month. Its bounds meet those of a neighbour that ends or starts within a day of the month's (one
     * made in another time zone), so that no instant falls between two partitions and none lies in two.
     */
    Optional<MonthPartition> newMonth(String table, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant middle = from.plus(Duration.ofDays(14));
        if (months.stream().anyMatch(p -> p.contains(middle))) {
            return Optional.empty();
        }
        Instant lower = months.stream().map(MonthPartition::to).filter(e -> !e.isAfter(middle)).max(Comparator.naturalOrder())
                .filter(e -> e.isAfter(from.minus(NEIGHBOUR))).orElse(from);
        Instant upper = months.stream().map(MonthPartition::from).filter(s -> s.isAfter(middle)).min(Comparator.naturalOrder())
                .filter(s -> s.isBefore(to.plus(NEIGHBOUR))).orElse(to);
        return Optional.of(new MonthPartition(table + "_" + NAME.format(month), lower, upper));
    }
}
