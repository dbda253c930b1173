package io.steppe.ops.cli;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.net.MacAddress;
import io.steppe.ops.UserError;
import java.security.SecureRandom;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code steppe ap add}: the access point inventory. */
@Command(name = "ap", mixinStandardHelpOptions = true, description = "Register access points.")
public final class ApCommand implements Runnable {

    private final CliContext context;

    public ApCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("ap needs a subcommand: add (see 'steppe ap --help')");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Register an AP and print its heartbeat token (shown once).")
    int add(@Option(names = "--id", required = true, description = "unique id, e.g. jn-square-01") String id,
            @Option(names = "--mac", required = true, description = "MAC in any usual form") String mac,
            @Option(names = "--name", required = true) String name,
            @Option(names = "--site", description = "district, scenic spot or village") String site,
            @Option(names = "--lat", description = "WGS84 latitude") Double lat,
            @Option(names = "--lon", description = "WGS84 longitude") Double lon,
            @Option(names = "--gateway", paramLabel = "NAS", description = "the gateway it sits behind") String gateway,
            @Option(names = "--mgmt-ip", paramLabel = "ADDRESS", description = "management address for probes") String mgmtIp) {
        if ((lat == null) != (lon == null)) {
            throw new UserError("--lat and --lon go together");
        }
        AccessPoint ap = new AccessPoint(id, MacAddress.parse(mac), name, Optional.ofNullable(site),
                lat == null ? Optional.empty() : Optional.of(new AccessPoint.Location(lat, lon)),
                Optional.ofNullable(gateway), Optional.ofNullable(mgmtIp));
        String token = context.withDatabase(db -> new ApRepository(db.dsl(), new SecureRandom()).register(ap, context.actor()));
        context.out().println("AP " + ap.id() + " registered; heartbeat token (shown once): " + token);
        return 0;
    }
}
