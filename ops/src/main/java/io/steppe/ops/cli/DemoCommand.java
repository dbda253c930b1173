package io.steppe.ops.cli;

import io.steppe.controller.probe.ProbePolicy;
import io.steppe.coverage.Coverage;
import io.steppe.db.file.OwnerOnlyFiles;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.ShutdownSignal;
import io.steppe.ops.server.SteppeServer;
import io.steppe.bench.sim.ApSimulator;
import io.steppe.bench.sim.DemoTraffic;
import io.steppe.bench.sim.SimulatedAp;
import io.steppe.bench.sim.SimulatedAc;
import io.steppe.bench.sim.UamGatewaySimulator;
import io.steppe.portal.ac.AccessControllers;
import io.steppe.portal.ac.PortalProtocol;
import io.steppe.radius.auth.VoucherIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code steppe demo}: {@code serve} plus a demo city to look at. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Steppe with a demo city: gateways, access points, a console account, a simulated hotspot gateway",
                "with phones logging in through the portal and sending accounting, villages, roads and five days of 4G drive tests.",
                "Data lives in $STEPPE_HOME like serve's; running it again keeps what is there."})
public final class DemoCommand implements Callable<Integer> {

    /** Short, so that the demo's incidents show within a couple of minutes. */
    private static final Duration AP_INTERVAL = Duration.ofSeconds(10);
    /** In {@code $STEPPE_HOME/keys}: the first admin password when standard output is not a terminal. */
    static final String ADMIN_PASSWORD_FILE = "admin-password";

    private final CliContext context;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        SteppeConfig config = context.config();
        if (config.controller().probes().scope() == ProbePolicy.Scope.ALL) {
            // The demo never probes addresses off this machine.
            ProbePolicy p = config.controller().probes();
            config = config.withController(config.controller().withProbes(
                    new ProbePolicy(ProbePolicy.Scope.LOOPBACK, p.port(), p.timeout(), p.concurrency(), p.every())));
        }
        if (config.console().city().isWorld()) {
            config = config.withCity(io.steppe.web.CityBounds.ULANQAB);
        }
        if (config.sms() == SteppeConfig.Sms.NONE) {
            // The demo's phones have no SIM: their codes go to the admin-only dev outbox.
            config = config.withSms(SteppeConfig.Sms.OUTBOX);
        }
        ShutdownSignal signal = new ShutdownSignal();
        try (SteppeServer server = SteppeServer.start(config, context.clock());
             UamGatewaySimulator gateway = new UamGatewaySimulator("jining-centre-gw", DemoCity.LOOPBACK_GATEWAY_SECRET,
                     Optional.of(DemoCity.UAM_SECRET), "AA-BB-CC-12-34-56",
                     new InetSocketAddress("127.0.0.1", server.radius().authPort()),
                     Optional.of(new InetSocketAddress("127.0.0.1", server.radius().acctPort())),
                     URI.create("http://127.0.0.1:" + server.listeners().portalPort() + "/"))) {
            DemoCity.Seeded seeded = new DemoCity(server.database().dsl(), server.keys(), context.actor(), context.clock()).seed();
            SimulatedAc ac = accessController(server);
            server.radius().reloadGateways();
            VoucherIssuer issuer = new VoucherIssuer(server.database().dsl(), server.keys(), context.clock(), new SecureRandom());
            DemoTraffic traffic = new DemoTraffic(gateway, new InetSocketAddress("127.0.0.1", server.radius().acctPort()),
                    DemoCity.LOOPBACK_GATEWAY_SECRET, () -> issuer.issue(1, 30, Duration.ofDays(1), 1, "demo").get(0));
            List<SimulatedAp> simulated = DemoCity.accessPoints().stream()
                    .map(ap -> new SimulatedAp(ap.id(), seeded.apTokens().get(ap.id()), DemoCity.behaviour(ap))).toList();
            ApSimulator aps = new ApSimulator(URI.create("http://127.0.0.1:" + server.listeners().apiPort() + "/"), simulated,
                    AP_INTERVAL, Duration.ofMinutes(1), 16, context.clock(), nanos -> { }).start();
            ServeCommand.printBanner(context, server);
            int acPhone = ac.capture(URI.create("http://127.0.0.1:" + server.listeners().portalPort() + "/"), DemoCity.AC_AP_MAC, "Ulanqab-Free");
            context.out().println("A phone behind the demo gateway: open http://127.0.0.1:" + gateway.port()
                    + "/ in a browser (it is sent to the portal; log in with the voucher below or any +976/+7/+86 number,"
                    + (config.sms() == SteppeConfig.Sms.OUTBOX ? " the SMS code is at /api/dev/sms-outbox on the API port, for the admin login below)"
                    : " the SMS code goes out as STEPPE_SMS says)"));
            context.out().println("A phone on the demo Huawei access controller (" + DemoCity.AC_NAME + ", Portal protocol v2): open http://"
                    + DemoCity.AC_ADDRESS + ":" + acPhone + "/ (the portal logs you on through the AC; the session's gateway is "
                    + DemoCity.AC_NAME + ")");
            context.out().println("Simulated phones log in every " + 20 + " s and send accounting (GET /api/sessions).");
            context.out().println("Demo city: " + seeded.gateways() + " gateways and " + seeded.accessPoints()
                    + " access points reporting every " + AP_INTERVAL.toSeconds() + " s (console /console/aps, GET /api/aps, GET /api/alerts).");
            context.out().println("A minute in: jn-station-01 degrades, htx-yurt-01 flaps, jn-street-07 fails and the"
                    + " liangcheng-village-gw gateway's APs go down (one grouped alert).");
            context.out().println("A 60-minute voucher: " + seeded.voucher() + "  (try: radtest " + seeded.voucher() + " "
                    + seeded.voucher() + " 127.0.0.1 0 " + DemoCity.LOOPBACK_GATEWAY_SECRET + ")");
            seeded.adminPassword().ifPresentOrElse(p -> showAdminPassword(p, server.config().home()),
                    () -> context.out().println("Console login: the 'admin' account created by an earlier demo run"));
            Coverage coverage = CoverageCommand.coverage(server.database(), config, context.clock());
            new DemoCoverage(coverage, config.home(), context.clock()).seed(server.database().dsl(), context.actor());
            context.out().println("Coverage: " + coverage.gaps().list(Optional.empty()).size() + " gap regions of "
                    + coverage.operators().size() + " operators from five days of drive tests: http://127.0.0.1:"
                    + server.listeners().apiPort() + "/console/coverage (GeoJSON: /api/coverage/gaps)");
            context.out().flush();
            signal.await();
            aps.close();
            traffic.close();
            ac.close();
        }
        return 0;
    }

    /** The demo's Huawei-style AC on 127.0.0.2, registered for the Portal protocol at the port it listens on this run. */
    private SimulatedAc accessController(SteppeServer server) {
        SimulatedAc ac = new SimulatedAc(new SimulatedAc.Settings(DemoCity.AC_NAME, PortalProtocol.HUAWEI_V2, DemoCity.AC_PORTAL_SECRET,
                new InetSocketAddress(DemoCity.AC_ADDRESS, 0), new InetSocketAddress("127.0.0.1", server.portalProtocol().port()),
                new InetSocketAddress("127.0.0.1", server.radius().authPort()), new InetSocketAddress("127.0.0.1", server.radius().acctPort()),
                DemoCity.AC_RADIUS_SECRET, false));
        try {
            new AccessControllers(server.database().dsl(), server.keys()).register(DemoCity.AC_NAME, PortalProtocol.HUAWEI_V2,
                    DemoCity.AC_PORTAL_SECRET, java.net.InetAddress.getByName(DemoCity.AC_ADDRESS), ac.port(), context.actor());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("an address literal always resolves", e);
        }
        return ac;
    }

    /**
     * The first admin password goes to a person, never into a log: on a terminal it is printed; when standard output
     * is kept (a file, a pipe, a service's journal) it is written to an owner-only file whose name is printed instead.
     */
    private void showAdminPassword(String password, Path home) {
        if (context.terminal()) {
            context.out().println("Console login: user 'admin', password '" + password + "' (shown once)");
            return;
        }
        Path file = home.resolve("keys").resolve(ADMIN_PASSWORD_FILE);
        try {
            OwnerOnlyFiles.createDirectory(file.getParent());
            OwnerOnlyFiles.write(file, (password + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        context.out().println("Console login: user 'admin', password in " + file + " (readable by this account only; delete it once read)");
    }
}
