package io.steppe.ops.cli;

import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.ShutdownSignal;
import io.steppe.ops.server.SteppeServer;
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
        try (SteppeServer server = SteppeServer.start(config, context.clock())) {
            printBanner(context, server);
            signal.await();
        }
        return 0;
    }

    static void printBanner(CliContext context, SteppeServer server) {
        String host = reachable(server.config().bindAddress());
        String portal = reachable(server.config().portalBind());
        String api = reachable(server.config().apiBind());
        context.out().println("Steppe is running (data: " + server.database().description() + ")");
        boolean tls = server.listeners().portalTlsPort() != io.steppe.web.Listeners.NONE;
        String apiUrl = (tls ? "https://" : "http://") + api + ":" + server.listeners().apiPort();
        context.out().println("  captive portal  http://" + portal + ":" + server.listeners().portalPort() + "/");
        if (tls) {
            context.out().println("  login forms     https://" + portal + ":" + server.listeners().portalTlsPort() + "/");
        }
        context.out().println("  console         " + apiUrl + "/console/");
        context.out().println("  health          " + apiUrl + "/health");
        context.out().println("  metrics         " + apiUrl + "/metrics");
        context.out().println("  RADIUS          udp " + host + ":" + server.radius().authPort() + " (auth), udp " + host + ":"
                + server.radius().acctPort() + " (accounting)");
        context.out().println("Stop with Ctrl-C or SIGTERM.");
        context.out().flush();
    }

    /** An address a browser on this machine can open for a listener bound to {@code bind}. */
    private static String reachable(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            return "127.0.0.1";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
