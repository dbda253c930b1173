package io.steppe.ops;

import io.steppe.coverage.importer.ImportFailedException;
import io.steppe.db.DatabaseUnavailableException;
import io.steppe.ops.cli.ApCommand;
import io.steppe.ops.cli.BackupCommand;
import io.steppe.ops.cli.BenchCommand;
import io.steppe.ops.cli.CliContext;
import io.steppe.ops.cli.ComplianceCommand;
import io.steppe.ops.cli.CoverageCommand;
import io.steppe.ops.cli.PlacesCommand;
import io.steppe.ops.cli.RestoreCommand;
import io.steppe.ops.cli.DemoCommand;
import io.steppe.ops.cli.NasCommand;
import io.steppe.ops.cli.ServeCommand;
import io.steppe.ops.cli.SubscriberCommand;
import io.steppe.ops.cli.UserCommand;
import io.steppe.ops.cli.VoucherCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code steppe}: the launcher and command line of Steppe. */
@Command(name = "steppe", mixinStandardHelpOptions = true, versionProvider = Steppe.Version.class,
        description = "Free public Wi-Fi and 4G coverage for a city: RADIUS, captive portal, AP controller, coverage gap maps.",
        subcommandsRepeatable = false)
public final class Steppe implements Runnable {

    /** Exit status of bad input (picocli's own choice for usage errors). */
    public static final int EXIT_USAGE = 2;
    /** Exit status when a needed resource (database, port) is unavailable. */
    public static final int EXIT_UNAVAILABLE = 1;

    private static final Set<String> LONG_RUNNING = Set.of("serve", "demo");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before any logger exists: servers log what they do, one-shot commands only their problems.
        if (System.getProperty("STEPPE_LOG_LEVEL") == null) {
            System.setProperty("STEPPE_LOG_LEVEL", args.length > 0 && LONG_RUNNING.contains(args[0]) ? "INFO" : "WARN");
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        System.exit(run(args, System.getenv(), System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the exit status is returned, never {@code System.exit}ed, so tests can call it. */
    public static int run(String[] args, Map<String, String> environment, InputStream in, PrintWriter out, PrintWriter err) {
        CliContext context = new CliContext(environment, in, out, err, Clock.systemUTC());
        CommandLine cli = new CommandLine(new Steppe())
                .addSubcommand(new ServeCommand(context))
                .addSubcommand(new DemoCommand(context))
                .addSubcommand(new NasCommand(context))
                .addSubcommand(new ApCommand(context))
                .addSubcommand(new VoucherCommand(context))
                .addSubcommand(new SubscriberCommand(context))
                .addSubcommand(new ComplianceCommand(context))
                .addSubcommand(new UserCommand(context))
                .addSubcommand(new CoverageCommand(context))
                .addSubcommand(new PlacesCommand(context))
                .addSubcommand(new BenchCommand(context))
                .addSubcommand(new BackupCommand(context))
                .addSubcommand(new RestoreCommand(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, badArgs) -> {
            err.println(e.getCommandLine().getCommandName().equals("steppe") ? "steppe: " + e.getMessage()
                    : "steppe " + e.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^steppe ", "")
                    + ": " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError || e instanceof IllegalArgumentException) {
                err.println("steppe: " + e.getMessage());
                return EXIT_USAGE;
            }
            if (e instanceof DatabaseUnavailableException || e instanceof ImportFailedException) {
                err.println("steppe: " + e.getMessage());
                return EXIT_UNAVAILABLE;
            }
            LoggerFactory.getLogger(Steppe.class).error("Unexpected failure", e);
            err.println("steppe: unexpected error: " + e);
            return EXIT_UNAVAILABLE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version, commit and build time the build wrote into {@code build.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.current().line()};
        }
    }
}
