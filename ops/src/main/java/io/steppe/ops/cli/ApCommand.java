package io.steppe.ops.cli;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApCsvImport;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.net.MacAddress;
import io.steppe.ops.Steppe;
import io.steppe.ops.UserError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.security.SecureRandom;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code steppe ap add}, {@code steppe ap import}: the access point inventory. */
@Command(name = "ap", mixinStandardHelpOptions = true, description = "Register access points, one by one or from a CSV file.")
public final class ApCommand implements Runnable {

    private final CliContext context;

    public ApCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("ap needs a subcommand: add or import (see 'steppe ap --help')");
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
            @Option(names = "--mgmt-ip", paramLabel = "ADDRESS", description = "management address for probes") String mgmtIp,
            @Option(names = "--model") String model,
            @Option(names = "--firmware", description = "the firmware it is installed with") String firmware,
            @Option(names = "--install-date", paramLabel = "YYYY-MM-DD") LocalDate installDate) {
        if ((lat == null) != (lon == null)) {
            throw new UserError("--lat and --lon go together");
        }
        AccessPoint ap = new AccessPoint(id, MacAddress.parse(mac), name, Optional.ofNullable(site),
                lat == null ? Optional.empty() : Optional.of(new AccessPoint.Location(lat, lon)),
                Optional.ofNullable(gateway), Optional.ofNullable(mgmtIp),
                new AccessPoint.Hardware(Optional.ofNullable(model), Optional.ofNullable(firmware), Optional.ofNullable(installDate)));
        String token = context.withDatabase(db -> new ApRepository(db.dsl(), new SecureRandom(), context.clock()).register(ap, context.actor()));
        context.out().println("AP " + ap.id() + " registered; heartbeat token (shown once): " + token);
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Register or update APs from a CSV file with a header row: id, mac, name, and optionally site, lat, lon,",
                    "gateway, mgmt_ip, model, firmware, install_date (any order). An AP already registered is updated (its token kept);",
                    "each new AP's token is printed once. Bad rows are reported with their line numbers; the good ones are kept."})
    int importFile(@Parameters(paramLabel = "FILE.csv") Path file) {
        ApCsvImport.Parsed parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parsed = ApCsvImport.parse(reader);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        ApCsvImport.Outcome outcome = context.withDatabase(db ->
                ApCsvImport.apply(new ApRepository(db.dsl(), new SecureRandom(), context.clock()), parsed, context.actor()));
        outcome.tokens().forEach((id, token) -> context.out().println("AP " + id + " registered; heartbeat token (shown once): " + token));
        context.out().println(outcome.tokens().size() + " added, " + outcome.updated() + " updated, " + outcome.problems().size() + " rejected");
        outcome.problems().forEach(p -> context.err().println("steppe ap import: " + file.getFileName() + " " + p));
        context.out().flush();
        context.err().flush();
        return outcome.problems().isEmpty() ? 0 : Steppe.EXIT_USAGE;
    }
}
