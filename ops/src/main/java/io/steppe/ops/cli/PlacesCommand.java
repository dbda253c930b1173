package io.steppe.ops.cli;

import io.steppe.coverage.Coverage;
import io.steppe.coverage.place.ChinaCrs;
import io.steppe.coverage.place.Place;
import io.steppe.coverage.place.PlaceKind;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code steppe places import}: the villages, scenic spots, roads and districts gaps are ranked against. */
@Command(name = "places", mixinStandardHelpOptions = true, description = "Import villages, scenic spots, roads and district outlines.")
public final class PlacesCommand implements Runnable {

    private final CliContext context;

    public PlacesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("places needs a subcommand: import (see 'steppe places --help')");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import places from GeoJSON (a FeatureCollection; name and population from the properties) or CSV",
                    "(name,lat,lon[,population][,kind]). A place of the same kind and name is replaced. Gap regions are re-ranked."})
    int importPlaces(@Parameters(paramLabel = "FILE", description = "FILE.geojson, FILE.json or FILE.csv") Path file,
                     @Option(names = "--kind", paramLabel = "village|scenic|road|district",
                             description = "what every place in the file is (default: a 'kind' property, else by geometry)") String kind,
                     @Option(names = "--crs", defaultValue = "wgs84", paramLabel = "wgs84|gcj02|bd09",
                             description = "coordinate system of the file; GCJ-02 (AMap, Tencent) and BD-09 (Baidu) are converted (default ${DEFAULT-VALUE})") String crs) {
        Optional<PlaceKind> k = kind == null ? Optional.empty() : Optional.of(PlaceKind.parse(kind));
        ChinaCrs system = ChinaCrs.parse(crs);
        SteppeConfig config = context.config();
        int stored = context.withDatabase(db -> {
            Coverage coverage = CoverageCommand.coverage(db, config, context.clock());
            List<Place> places = coverage.places().read(file, k, system);
            int n = coverage.places().store(places, context.actor(), file.getFileName().toString());
            coverage.placesChanged();
            return n;
        });
        context.out().println(stored + " place(s) imported from " + file.getFileName() + (system == ChinaCrs.WGS84 ? "" : " (converted from " + crs + " to WGS84)"));
        return 0;
    }
}
