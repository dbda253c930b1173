package io.steppe.ops.cli;

import static io.steppe.db.schema.Tables.COVERAGE_IMPORT;

import io.steppe.coverage.Coverage;
import io.steppe.coverage.demo.SyntheticCity;
import io.steppe.coverage.importer.ImportResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The demo city's coverage: its places, and five days of drive tests from three operators ending yesterday,
 * written to {@code $STEPPE_HOME/demo} and imported like any log. Seeded once per {@code STEPPE_HOME}.
 */
final class DemoCoverage {

    static final String SOURCE = "demo-city-drive-tests";
    private static final long SEED = 20261126L;

    private final Coverage coverage;
    private final Path home;
    private final Clock clock;

    DemoCoverage(Coverage coverage, Path home, Clock clock) {
        this.coverage = coverage;
        this.home = home;
        this.clock = clock;
    }

    /** The import made now, or empty when an earlier demo run already seeded the samples. */
    Optional<ImportResult> seed(org.jooq.DSLContext dsl, String actor) {
        if (dsl.fetchExists(COVERAGE_IMPORT, COVERAGE_IMPORT.SOURCE.eq(SOURCE))) {
            return Optional.empty();
        }
        SyntheticCity city = new SyntheticCity(SEED);
        coverage.places().store(city.places(), actor, "demo city");
        Path file = home.resolve("demo").resolve("drive-tests.csv");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                Instant start = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(5));
                city.writeSamples(out, start, 5, 12, 5);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo samples to " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(coverage.importFile(file, SOURCE, actor));
    }
}
