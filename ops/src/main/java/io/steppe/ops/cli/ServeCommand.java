package io.steppe.ops.cli;

import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.ShutdownSignal;
import io.steppe.ops.server.SteppeServer;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code steppe serve}: every service in one process until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run every Steppe service in one process until SIGTERM or Ctrl-C.",
                "Without STEPPE_DB_URL it starts an embedded PostgreSQL with its data in $STEPPE_HOME/pgdata."})
public final class ServeCommand implements Callable<Integer> {

    private final CliContext context;

    public ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        SteppeConfig config = context.config();
        ShutdownSignal signal = new ShutdownSignal();
        try (SteppeServer server = SteppeServer.start(config, Clock.systemUTC())) {
            printBanner(context, server);
            signal.await();
        }
        return 0;
    }

    static void printBanner(CliContext context, SteppeServer server) {
        String host = server.config().bindAddress().equals("0.0.0.0") ? "127.0.0.1" : server.config().bindAddress();
        context.out().println("Steppe is running (data: " + server.database().description() + ")");
        context.out().println("  captive portal  http://" + host + ":" + server.listeners().portalPort() + "/");
        context.out().println("  console         http://" + host + ":" + server.listeners().apiPort() + "/console/");
        context.out().println("  health          http://" + host + ":" + server.listeners().apiPort() + "/health");
        context.out().println("  metrics         http://" + host + ":" + server.listeners().apiPort() + "/metrics");
        context.out().println("  RADIUS          udp " + host + ":" + server.radius().authPort() + " (auth), udp " + host + ":"
                + server.radius().acctPort() + " (accounting)");
        context.out().println("Stop with Ctrl-C or SIGTERM.");
        context.out().flush();
    }
}
