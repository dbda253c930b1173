package io.steppe.coverage;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real G-NetTrack Pro drive logs (GPL-3.0 data, see {@code testdata/coverage/README.md}), kept in the
 * repository so that a clean clone tests against them: found by walking up from the working directory, or at
 * {@code STEPPE_COVERAGE_DATA}. Missing data fails the test; it is never skipped.
 */
public final class DriveLogs {

    private DriveLogs() {
    }

    public static Path dir() {
        String configured = System.getenv("STEPPE_COVERAGE_DATA");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata/coverage/uccmisl-5gdataset");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the drive logs (testdata/coverage/uccmisl-5gdataset) are not above "
                + Path.of("").toAbsolutePath() + "; set STEPPE_COVERAGE_DATA");
    }
}
