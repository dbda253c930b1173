package io.steppe.ops.cli;

import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.ShutdownSignal;
import io.steppe.ops.server.SteppeServer;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code steppe demo}: {@code serve} plus a demo city to look at. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Steppe with a demo city: sample gateways, access points and a console account to look around with.",
                "Data lives in $STEPPE_HOME like serve's; running it again keeps what is there."})
public final class DemoCommand implements Callable<Integer> {

    private final CliContext context;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        SteppeConfig config = context.config();
        ShutdownSignal signal = new ShutdownSignal();
        try (SteppeServer server = SteppeServer.start(config, Clock.systemUTC())) {
            DemoCity.Seeded seeded = new DemoCity(server.database().dsl(), context.actor()).seed();
            ServeCommand.printBanner(context, server);
            context.out().println("Demo city: " + seeded.gateways() + " gateways and " + seeded.accessPoints()
                    + " access points (GET /api/aps).");
            context.out().println("A 60-minute voucher: " + seeded.voucher() + "  (try: radtest " + seeded.voucher() + " "
                    + seeded.voucher() + " 127.0.0.1 0 " + DemoCity.LOOPBACK_GATEWAY_SECRET + ")");
            seeded.adminPassword().ifPresentOrElse(
                    p -> context.out().println("Console login: user 'admin', password '" + p + "' (shown once)"),
                    () -> context.out().println("Console login: the 'admin' account created by an earlier demo run"));
            context.out().flush();
            signal.await();
        }
        return 0;
    }
}
