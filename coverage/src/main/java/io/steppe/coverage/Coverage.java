package io.steppe.coverage;

import io.steppe.coverage.aggregate.CellAggregator;
import io.steppe.coverage.gap.GapRegions;
import io.steppe.coverage.gap.RegionBuilder;
import io.steppe.coverage.importer.ImportFailedException;
import io.steppe.coverage.importer.ImportResult;
import io.steppe.coverage.importer.SampleImporter;
import io.steppe.coverage.importer.TouchedCells;
import io.steppe.coverage.map.CellCsv;
import io.steppe.coverage.map.CoverageLayers;
import io.steppe.coverage.map.GapGeoJson;
import io.steppe.coverage.map.GapMap;
import io.steppe.coverage.place.PlaceImporter;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.Database;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coverage module in one place, as the launcher, the commands and the API use it: an import is followed by
 * the incremental update of the cells it touched and of the touched operators' gap regions.
 */
public final class Coverage {

    private static final Logger LOG = LoggerFactory.getLogger(Coverage.class);

    private final SampleImporter importer;
    private final CellAggregator aggregator;
    private final GapRegions gaps;
    private final CoverageLayers layers;
    private final PlaceImporter places;
    private final GapGeoJson geoJson;
    private final GapMap map;
    private final CellCsv cellCsv;
    private final Database database;
    private final CoverageMetrics metrics;

    public Coverage(Database database, CoverageConfig config, H3Grid grid, Clock clock, Path reportDir) {
        this(database, config, grid, clock, reportDir, CoverageMetrics.NONE);
    }

    public Coverage(Database database, CoverageConfig config, H3Grid grid, Clock clock, Path reportDir, CoverageMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
        this.importer = new SampleImporter(database, config, grid, clock, reportDir);
        this.aggregator = new CellAggregator(database.dsl(), config, grid, clock);
        this.gaps = new GapRegions(database.dsl(), config, grid, clock);
        this.layers = new CoverageLayers(database.dsl(), gaps, config);
        this.places = new PlaceImporter(database.dsl());
        RegionBuilder hexagons = new RegionBuilder(grid);
        this.geoJson = new GapGeoJson(hexagons);
        this.map = new GapMap(hexagons);
        this.cellCsv = new CellCsv(hexagons);
    }

    public ImportResult importFile(Path file, String source, String actor) {
        return refreshed(() -> importer.importFile(file, source, actor));
    }

    public ImportResult importStream(InputStream in, String source, String actor) {
        return refreshed(() -> importer.importStream(in, source, source, actor));
    }

    /** Samples as JSON lines, one object a line with the contract CSV's fields. */
    public ImportResult importJsonLines(InputStream in, String source, String actor) {
        return refreshed(() -> importer.importJsonLines(in, source, source, actor));
    }

    private ImportResult refreshed(Supplier<ImportResult> importing) {
        ImportResult result;
        try {
            result = importing.get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            metrics.imported(CoverageMetrics.Outcome.REFUSED, Optional.empty());
            throw e;
        } catch (RuntimeException e) {
            metrics.imported(CoverageMetrics.Outcome.FAILED, Optional.empty());
            throw e;
        }
        try {
            refresh(result.touched());
        } catch (DataAccessException e) {
            metrics.imported(CoverageMetrics.Outcome.FAILED, Optional.of(result));
            LOG.warn("Import {} stored, its cells not updated: {}", result.importId(), e.getMessage());
            throw new ImportFailedException("the samples of '" + result.source() + "' were stored (" + result.summary()
                    + "), but the cells could not be updated: run 'steppe coverage rebuild'");
        }
        metrics.imported(CoverageMetrics.Outcome.DONE, Optional.of(result));
        return result;
    }

    /** Recomputes the touched cells and the gap regions of the operators they belong to. */
    public void refresh(TouchedCells touched) {
        long start = System.nanoTime();
        aggregator.update(touched);
        for (String operator : touched.byOperator().keySet()) {
            gaps.recompute(operator);
        }
        metrics.aggregated(CoverageMetrics.Aggregation.UPDATE, (System.nanoTime() - start) / 1e9);
    }

    /** Recomputes every cell and every operator's gap regions; returns the number of cells. */
    public int rebuild() {
        long start = System.nanoTime();
        int cells = aggregator.rebuild();
        for (String operator : operators()) {
            gaps.recompute(operator);
        }
        metrics.aggregated(CoverageMetrics.Aggregation.REBUILD, (System.nanoTime() - start) / 1e9);
        return cells;
    }

    /**
     * Lets samples older than the window stop counting: their cells are judged again, the gap regions of their
     * operators recomputed and the months wholly before the window dropped.
     */
    public CellAggregator.Expiry expireWindow() {
        CellAggregator.Expiry expiry = aggregator.expire();
        for (String operator : expiry.operators()) {
            gaps.recompute(operator);
        }
        return expiry;
    }

    /** Gap regions are ranked against places: new places re-rank every operator's regions. */
    public void placesChanged() {
        for (String operator : operators()) {
            gaps.recompute(operator);
        }
    }

    public Set<String> operators() {
        return Set.copyOf(database.dsl().selectDistinct(io.steppe.db.schema.Tables.COVERAGE_CELL.OPERATOR)
                .from(io.steppe.db.schema.Tables.COVERAGE_CELL).fetch(io.steppe.db.schema.Tables.COVERAGE_CELL.OPERATOR));
    }

    public SampleImporter importer() {
        return importer;
    }

    public CellAggregator aggregator() {
        return aggregator;
    }

    public GapRegions gaps() {
        return gaps;
    }

    public CoverageLayers layers() {
        return layers;
    }

    public PlaceImporter places() {
        return places;
    }

    public GapGeoJson geoJson() {
        return geoJson;
    }

    public CellCsv cellCsv() {
        return cellCsv;
    }

    public GapMap map() {
        return map;
    }
}
