package io.steppe.coverage.gap;

import static io.steppe.db.schema.Tables.COVERAGE_CELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.Coverage;
import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Surveys whose bad share is 3–8 % everywhere except in planted gaps: tested one by one at α = 0.05, their
 * thousand-odd cells gave dozens of single-cell "gaps" by chance. Judged as a family, the regions reported are
 * the planted gaps (precision ≥ 0.9) and every planted gap is reported (recall ≥ 0.95), for each of several seeds.
 */
class GhostGapsTest {

    private static final H3Grid GRID = H3Grid.load();
    private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
    /** One seed per operator: each operator's cells are a family of their own. */
    private static final List<String> OPERATORS = List.of("46000", "46001", "46011");

    @Test
    void theRegionsReportedAreThePlantedGapsForEverySeed(@TempDir Path home) throws IOException {
        long centre = GRID.cell(41.03, 113.13, H3Grid.DECISION);
        try (Database db = TestDatabases.freshMigrated(home)) {
            Coverage coverage = new Coverage(db, CoverageConfig.defaults(), GRID, new MutableClock(Instant.parse("2026-11-26T00:00:00Z")),
                    home.resolve("reports"));
            for (int seed = 0; seed < OPERATORS.size(); seed++) {
                String operator = OPERATORS.get(seed);
                PlantedSurvey survey = new PlantedSurvey(GRID, centre, operator, 1000 + seed);
                assertEquals(6, survey.gaps().size(), "seed " + seed + " planted every gap");
                Path csv = home.resolve("survey-" + seed + ".csv");
                try (Writer out = Files.newBufferedWriter(csv)) {
                    survey.write(out, START);
                }
                coverage.importFile(csv, "survey-" + seed, "test");

                List<Gap> reported = coverage.gaps().list(Optional.of(operator));
                // cells that passed their own test at α but not the family's: each would have been a ghost gap
                int refused = db.dsl().fetchCount(COVERAGE_CELL, COVERAGE_CELL.OPERATOR.eq(operator),
                        COVERAGE_CELL.RESOLUTION.eq((short) H3Grid.DECISION), COVERAGE_CELL.CANDIDATE.isTrue(),
                        COVERAGE_CELL.STATUS.eq("uncertain"));
                long true_ = reported.stream().filter(g -> survey.gaps().stream().anyMatch(p -> overlaps(g, p))).count();
                long found = survey.gaps().stream().filter(p -> reported.stream().anyMatch(g -> overlaps(g, p))).count();
                String figures = "seed " + seed + ": " + reported.size() + " regions reported, " + true_ + " on planted gaps, "
                        + found + " of " + survey.gaps().size() + " planted gaps found, " + refused + " cells kept uncertain";
                assertTrue(refused > 0, "the correction had chance alarms to refuse: " + figures);
                assertTrue(!reported.isEmpty() && true_ >= 0.9 * reported.size(), "precision: " + figures);
                assertTrue(found >= 0.95 * survey.gaps().size(), "recall: " + figures);
                for (Gap g : reported) {
                    assertTrue(g.qValue() <= CoverageConfig.defaults().evidence().falseDiscoveryRate(), "every region survives: " + g);
                    assertTrue(g.cells() > 1 || g.confidence().equals("medium"), "one cell proves at most medium: " + g);
                }
            }
        }
    }

    private static boolean overlaps(Gap gap, Set<Long> planted) {
        return gap.cellIds().stream().anyMatch(planted::contains);
    }
}
