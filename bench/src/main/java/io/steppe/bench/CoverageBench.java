package io.steppe.bench;

import io.steppe.coverage.Coverage;
import io.steppe.coverage.demo.SyntheticCity;
import io.steppe.coverage.importer.ImportResult;
import io.steppe.db.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The coverage benchmark: samples of one of two shapes ({@link Spread}) imported, aggregated in full with gap
 * regions, then a smaller import applied incrementally; beside it the same aggregation as one plain SQL
 * statement. Each phase is timed by wall clock; the row files are generated before any timing.
 */
public final class CoverageBench {

    /** Where the samples lie. */
    public enum Spread {
        /** A synthetic city's drive tests at 1 Hz (the real logs' rate) along a few roads around Jining. */
        DRIVE,
        /** Crowd samples from {@value #PHONES} phones over Ulanqab's whole extent, half near towns ({@link CitySpread}). */
        CITY
    }

    static final int PHONES = 20_000;

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private static final int DAYS = 30;

    private final Database database;
    private final Coverage coverage;
    private final PrintWriter out;

    public CoverageBench(Database database, Coverage coverage, PrintWriter out) {
        this.database = database;
        this.coverage = coverage;
        this.out = out;
    }

    public void run(Spread spread, long seed, long rows, long increment, Path work) {
        Path full = work.resolve("bench-" + spread.name().toLowerCase(Locale.ROOT) + "-samples.csv");
        Path more = work.resolve("bench-" + spread.name().toLowerCase(Locale.ROOT) + "-increment.csv");
        long written;
        long added;
        if (spread == Spread.CITY) {
            written = write(full, w -> new CitySpread(seed, PHONES).write(w, START, DAYS, rows));
            added = write(more, w -> new CitySpread(seed + 1, PHONES).write(w, START.plus(Duration.ofDays(DAYS)), 1, increment));
        } else {
            // trips of ~3,000 rows (50 km at 60 km/h, a row a second): enough trips a day to reach the row count in 30 days
            int trips = (int) Math.max(1, Math.ceil(rows / (DAYS * 3.0 * 2_500)));
            written = write(full, w -> new SyntheticCity(seed).writeSamples(w, START, DAYS, trips, 1, rows));
            added = write(more, w -> new SyntheticCity(seed + 1).writeSamples(w, START.plus(Duration.ofDays(DAYS)), 1, 40, 1, increment));
        }
        out.printf(Locale.ROOT, "generated %,d + %,d rows (%s, %s)%n", written, added, full, more);

        long t0 = System.nanoTime();
        ImportResult imported = coverage.importer().importFile(full, "bench", "bench");
        double importSeconds = seconds(t0);
        out.printf(Locale.ROOT, "import: %,d rows in %.1f s = %,.0f rows/s%n", imported.accepted(), importSeconds,
                imported.accepted() / importSeconds);

        t0 = System.nanoTime();
        int cells = coverage.rebuild();
        double rebuildSeconds = seconds(t0);
        out.printf(Locale.ROOT, "full aggregation and gap regions: %,d cells (res 7/8/9), %d gap regions in %.1f s%n", cells,
                coverage.gaps().list(java.util.Optional.empty()).size(), rebuildSeconds);

        t0 = System.nanoTime();
        ImportResult update = coverage.importer().importFile(more, "bench-increment", "bench");
        double moreSeconds = seconds(t0);
        t0 = System.nanoTime();
        coverage.refresh(update.touched());
        double updateSeconds = seconds(t0);
        out.printf(Locale.ROOT, "incremental: %,d new rows imported in %.2f s; their %d res-8 cells (with res-9 children, res-7 parents)"
                + " and the gap regions updated in %.2f s%n", update.added(), moreSeconds, update.touched().size(), updateSeconds);

        t0 = System.nanoTime();
        int plain = database.dsl().fetchOne(PlainSqlAggregation.SQL).get(0, Integer.class);
        double plainSeconds = seconds(t0);
        out.printf(Locale.ROOT, "plain SQL aggregation (observations, cap, res-8 counts and judgement): %,d cells in %.1f s%n",
                plain, plainSeconds);
        out.printf(Locale.ROOT, "RESULT rows=%d import_rows_per_s=%.0f rebuild_s=%.1f incremental_s=%.2f plain_sql_s=%.1f ratio=%.2f%n",
                imported.accepted(), imported.accepted() / importSeconds, rebuildSeconds, updateSeconds, plainSeconds,
                rebuildSeconds / plainSeconds);
    }

    /** Writes rows to a file. */
    private interface Rows {
        long write(Writer w) throws IOException;
    }

    private static long write(Path file, Rows rows) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file)) {
                return rows.write(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
