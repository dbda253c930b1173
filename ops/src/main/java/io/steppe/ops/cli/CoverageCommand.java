package io.steppe.ops.cli;

import io.steppe.coverage.Coverage;
import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.aggregate.CellChange;
import io.steppe.coverage.aggregate.Periods;
import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.importer.ImportResult;
import io.steppe.coverage.map.CoverageLayers;
import io.steppe.coverage.map.GapCsv;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.coverage.sample.OperatorCode;
import io.steppe.db.Database;
import io.steppe.db.file.OwnerOnlyFiles;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code steppe coverage import|gaps|changes|rebuild}: 4G samples in, gap maps out. */
@Command(name = "coverage", mixinStandardHelpOptions = true, description = "Import 4G samples and export gap maps.")
public final class CoverageCommand implements Runnable {

    private final CliContext context;

    public CoverageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("coverage needs a subcommand: import, gaps, changes or rebuild (see 'steppe coverage --help')");
    }

    /** The coverage module on {@code database}, configured as {@code serve} configures it. */
    static Coverage coverage(Database database, SteppeConfig config, Clock clock) {
        return coverage(database, config, config.coverage(), clock);
    }

    private static Coverage coverage(Database database, SteppeConfig config, CoverageConfig method, Clock clock) {
        return new Coverage(database, method, H3Grid.load(), clock, config.home().resolve("reports"));
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import samples: Steppe's coverage CSV or a G-NetTrack Pro log (recognised by its header).",
                    "Prints accepted, rejected and warned rows; rejected and warned rows go to a report with line numbers.",
                    "Importing the same rows again under the same source adds nothing. Cells and gaps are updated."})
    int importSamples(@Parameters(paramLabel = "FILE", description = "the log, CSV") Path file,
                      @Option(names = "--source", paramLabel = "NAME", description = "where the samples come from (default: the file name)") String source,
                      @Option(names = "--zone", paramLabel = "ZONE",
                              description = "time zone of G-NetTrack Pro timestamps, which have no offset (default STEPPE_COVERAGE_ZONE, Asia/Shanghai)") String zone) {
        SteppeConfig config = context.config();
        CoverageConfig method = withZone(config.coverage(), zone);
        ImportResult r = context.withDatabase(db -> coverage(db, config, method, context.clock()).importFile(file, source, context.actor()));
        context.out().println(file.getFileName() + " (" + r.format() + "): " + r.summary());
        return 0;
    }

    @Command(name = "gaps", mixinStandardHelpOptions = true,
            description = {"Write the current gap map: GeoJSON (opens in QGIS), CSV (the ranked list), SVG or PNG.",
                    "--operator all: where no operator covers (add --without-wifi: nor Steppe Wi-Fi reaches)."})
    int gaps(@Option(names = "--operator", paramLabel = "MCCMNC", description = "e.g. 46000; 'all' for the cross-operator view; default every operator's gaps") String operator,
             @Option(names = "--without-wifi", description = "with --operator all: leave out places a Steppe AP reaches") boolean withoutWifi,
             @Option(names = "--format", required = true, paramLabel = "geojson|csv|svg|png") String format,
             @Option(names = "--out", required = true, paramLabel = "FILE") Path out) {
        Optional<String> op = operator == null ? Optional.empty() : Optional.of(operator.equals("all") ? "all" : OperatorCode.parse(operator));
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("geojson", "csv", "svg", "png").contains(f)) {
            throw new UserError("--format must be geojson, csv, svg or png, was '" + format + "'");
        }
        SteppeConfig config = context.config();
        int count = context.withDatabase(db -> {
            Coverage coverage = coverage(db, config, context.clock());
            try {
                return write(coverage, op, withoutWifi, f, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
        });
        context.out().println(count + " gap region(s) written to " + out);
        return 0;
    }

    private static int write(Coverage coverage, Optional<String> operator, boolean withoutWifi, String format, Path out) throws IOException {
        createParent(out);
        CoverageLayers.MapData data = coverage.layers().map(operator, withoutWifi);
        List<Gap> gaps = data.gaps();
        switch (format) {
            case "geojson" -> {
                try (OutputStream o = OwnerOnlyFiles.newOutputStream(out, false)) {
                    coverage.geoJson().gaps(gaps, o);
                }
            }
            case "csv" -> {
                try (Writer w = OwnerOnlyFiles.newWriter(out, false)) {
                    GapCsv.write(gaps, w);
                }
            }
            case "svg" -> OwnerOnlyFiles.write(out, coverage.map().svg(data, 1200, 800).getBytes(StandardCharsets.UTF_8));
            default -> OwnerOnlyFiles.write(out, coverage.map().png(data, 1200, 800));
        }
        return gaps.size();
    }

    private static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    @Command(name = "changes", mixinStandardHelpOptions = true,
            description = {"Compare two periods: each res-8 cell judged on the samples before --at and on those from --at on",
                    "(e.g. the day a new mast went up), the first period from --since, the second until --until;",
                    "or on the samples of two import sources (--before-source, --after-source: e.g. two drive tests).",
                    "Writes the cells judged in both as GeoJSON with before, after and change."})
    int changes(@Option(names = "--operator", required = true, paramLabel = "MCCMNC") String operator,
                @Option(names = "--at", paramLabel = "TIME", description = "ISO-8601 with offset, e.g. 2026-11-20T00:00+08:00") String at,
                @Option(names = "--since", paramLabel = "TIME", description = "with --at: the first period starts here") String since,
                @Option(names = "--until", paramLabel = "TIME", description = "with --at: the second period ends here") String until,
                @Option(names = "--before-source", paramLabel = "NAME", description = "the import source of the first period") String beforeSource,
                @Option(names = "--after-source", paramLabel = "NAME", description = "the import source of the second period") String afterSource,
                @Option(names = "--out", required = true, paramLabel = "FILE") Path out) {
        String op = OperatorCode.parse(operator);
        boolean bySource = beforeSource != null || afterSource != null;
        if (bySource && (beforeSource == null || afterSource == null || at != null || since != null || until != null)) {
            throw new UserError("compare either two sources (--before-source and --after-source) or two periods (--at, --since, --until)");
        }
        Periods periods;
        try {
            periods = bySource ? null : Periods.parse("--", at, since, until);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        SteppeConfig config = context.config();
        List<CellChange> changes = context.withDatabase(db -> {
            Coverage coverage = coverage(db, config, context.clock());
            List<CellChange> found;
            try {
                found = bySource ? coverage.aggregator().changes(op, beforeSource, afterSource)
                        : coverage.aggregator().changes(op, periods);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            try {
                createParent(out);
                try (OutputStream o = OwnerOnlyFiles.newOutputStream(out, false)) {
                    coverage.geoJson().changes(found, o);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            return found;
        });
        long better = changes.stream().filter(c -> c.direction() > 0).count();
        long worse = changes.stream().filter(c -> c.direction() < 0).count();
        context.out().println(changes.size() + " cells judged in both periods: " + better + " improved, " + worse
                + " worsened; written to " + out);
        return 0;
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Recompute every cell and gap region from the stored samples (after changing a threshold).")
    int rebuild() {
        SteppeConfig config = context.config();
        int cells = context.withDatabase(db -> coverage(db, config, context.clock()).rebuild());
        context.out().println(cells + " cells recomputed");
        return 0;
    }

    private static CoverageConfig withZone(CoverageConfig config, String zone) {
        if (zone == null) {
            return config;
        }
        try {
            return config.withZone(ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new UserError("--zone must be a time zone such as Asia/Shanghai or UTC, was '" + zone + "'");
        }
    }
}
