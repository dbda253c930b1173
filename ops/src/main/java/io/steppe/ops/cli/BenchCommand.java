package io.steppe.ops.cli;

import io.steppe.bench.AcLoginBench;
import io.steppe.bench.ApBench;
import io.steppe.bench.BenchMode;
import io.steppe.bench.BenchReport;
import io.steppe.bench.BenchResult;
import io.steppe.bench.CoverageBench;
import io.steppe.bench.CpuClock;
import io.steppe.bench.LoopbackTarget;
import io.steppe.bench.PortalLoginBench;
import io.steppe.bench.RadiusBenchPlan;
import io.steppe.bench.RadiusLoadGenerator;
import io.steppe.ops.UserError;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code steppe bench radius}: load generators for measuring a RADIUS server on loopback. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load generators that measure a server on this machine (loopback only).")
public final class BenchCommand implements Runnable {

    private final CliContext context;

    public BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("bench needs a subcommand: radius, portal, ac, aps or coverage (see 'steppe bench --help')");
    }

    @Command(name = "radius", mixinStandardHelpOptions = true,
            description = {"Send RADIUS requests to a server on loopback and report requests/s, latency percentiles and CPU time.",
                    "Requests are distinct (own Calling-Station-Id, NAS-Port, Acct-Session-Id) so no duplicate cache answers them;"
                            + " an unanswered request is lost after 2 s."})
    int radius(@Option(names = "--mode", defaultValue = "pap", paramLabel = "pap|chap|acct",
                       description = "Access-Request with PAP or CHAP, or Accounting-Request Interim-Update (default ${DEFAULT-VALUE})") String mode,
               @Option(names = "--rate", paramLabel = "R", description = "requests offered per second") Integer rate,
               @Option(names = "--max", description = "send as fast as answers free the window") boolean max,
               @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS",
                       description = "measured time, 1 to 600 (default ${DEFAULT-VALUE})") int duration,
               @Option(names = "--warmup", defaultValue = "2", paramLabel = "SECONDS",
                       description = "time sent before measuring and not counted, 0 to 60 (default ${DEFAULT-VALUE})") int warmup,
               @Option(names = "--target", paramLabel = "HOST:PORT",
                       description = "a loopback address (127.0.0.0/8 or ::1) and port (default 127.0.0.1:1812, acct 127.0.0.1:1813)") String target,
               @Option(names = "--secret", required = true, paramLabel = "S", description = "RADIUS shared secret") String secret,
               @Option(names = "--user", paramLabel = "U", description = "User-Name (pap, chap: required; acct: default one per simulated client)") String user,
               @Option(names = "--password", paramLabel = "P", description = "the user's password (pap, chap)") String password,
               @Option(names = "--users", paramLabel = "FILE",
                       description = "accounts to cycle through, one a line: 'USER PASSWORD', or a voucher code alone") java.nio.file.Path users,
               @Option(names = "--window", defaultValue = "256", paramLabel = "N",
                       description = "requests outstanding at most (default ${DEFAULT-VALUE})") int window,
               @Option(names = "--server-pid", paramLabel = "PID",
                       description = "also report this process's CPU time over the measured period") Long serverPid) {
        RadiusBenchPlan plan = plan(mode, rate, max, duration, warmup, target, secret, user, password, window, logins(users));
        CpuClock serverCpu = serverPid == null ? CpuClock.none() : CpuClock.process(serverPid);
        BenchResult result;
        try {
            result = RadiusLoadGenerator.run(plan, serverCpu);
        } catch (IllegalStateException e) {
            context.err().println("steppe: bench: " + e.getMessage());
            return 1;
        }
        BenchReport report = new BenchReport(plan, result);
        context.out().print(report.human());
        context.out().println(report.resultLine());
        context.out().flush();
        if (result.sent() > 0 && result.answered() == 0) {
            context.err().println("steppe: bench: no request was answered by " + plan.target()
                    + " (is the server running there, with this client and secret?)");
            return 1;
        }
        return 0;
    }

    /** The accounts of {@code --users}; a line with one word is a voucher, its own password. */
    static java.util.List<RadiusBenchPlan.Login> logins(java.nio.file.Path file) {
        if (file == null) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(file)) {
            return lines.map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+", 2))
                    .map(w -> new RadiusBenchPlan.Login(w[0], w.length > 1 ? w[1] : w[0])).toList();
        } catch (java.io.IOException e) {
            throw new UserError("cannot read --users " + file + ": " + e.getMessage());
        }
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true,
            description = {"Coverage at city scale on Steppe's database ($STEPPE_HOME's embedded one unless STEPPE_DB_URL):",
                    "import N synthetic 1 Hz samples, aggregate them in full with gap regions, apply an increment, and run the",
                    "same aggregation as one plain SQL statement. Use a fresh STEPPE_HOME: the samples stay there."})
    int coverage(@Option(names = "--rows", defaultValue = "10000000", description = "samples to import (default ${DEFAULT-VALUE})") long rows,
                 @Option(names = "--increment", defaultValue = "100000", description = "new samples for the incremental update (default ${DEFAULT-VALUE})") long increment,
                 @Option(names = "--work", paramLabel = "DIR", description = "where the generated CSV files go (default $STEPPE_HOME/bench)") java.nio.file.Path work,
                 @Option(names = "--spread", defaultValue = "drive", paramLabel = "drive|city",
                         description = "drive: 1 Hz drive tests along roads around Jining; city: crowd samples from 20,000 phones over"
                                 + " Ulanqab's extent, half near towns (default ${DEFAULT-VALUE})") String spread,
                 @Option(names = "--seed", defaultValue = "1", description = "the generator's seed: the same seed, the same rows (default ${DEFAULT-VALUE})") long seed) {
        if (!spread.equals("drive") && !spread.equals("city")) {
            throw new UserError("--spread must be drive or city, was '" + spread + "'");
        }
        if (rows < 1 || rows > 100_000_000 || increment < 1 || increment > 10_000_000) {
            throw new UserError("--rows must be 1 to 100000000 and --increment 1 to 10000000");
        }
        io.steppe.ops.SteppeConfig config = context.config();
        java.nio.file.Path dir = work == null ? config.home().resolve("bench") : work;
        context.withDatabase(db -> {
            new CoverageBench(db, new io.steppe.coverage.Coverage(db, config.coverage(), io.steppe.coverage.sample.H3Grid.load(),
                    context.clock(), config.home().resolve("reports")), context.out())
                    .run(CoverageBench.Spread.valueOf(spread.toUpperCase(java.util.Locale.ROOT)), seed, rows, increment, dir);
            return null;
        });
        return 0;
    }

    @Command(name = "portal", mixinStandardHelpOptions = true,
            description = {"Full SMS logins against a running portal (STEPPE_SMS=outbox): redirect, code, verify, /logon URL.",
                    "Each login uses a new number and device; raise STEPPE_SMS_GATEWAY_LIMIT and STEPPE_SMS_HOURLY_BUDGET on the",
                    "server for the run, and register the gateway with --uam-address 10.1.0.1."})
    int portal(@Option(names = "--portal", defaultValue = "127.0.0.1:8080", paramLabel = "HOST:PORT") String portal,
               @Option(names = "--api", defaultValue = "127.0.0.1:8081", paramLabel = "HOST:PORT") String api,
               @Option(names = "--nasid", required = true, description = "a registered gateway's name") String nasId,
               @Option(names = "--api-token", required = true, description = "an admin's bearer token (POST /api/login), to read the dev outbox")
               String apiToken,
               @Option(names = "--concurrency", defaultValue = "16", description = "phones logging in at once (default ${DEFAULT-VALUE})") int concurrency,
               @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS", description = "1 to 600 (default ${DEFAULT-VALUE})") int duration)
            throws InterruptedException {
        if (concurrency < 1 || concurrency > 256) {
            throw new UserError("--concurrency must be 1 to 256, was " + concurrency);
        }
        if (duration < 1 || duration > RadiusBenchPlan.MAX_DURATION.toSeconds()) {
            throw new UserError("--duration must be 1 to 600 seconds, was " + duration);
        }
        PortalLoginBench bench = new PortalLoginBench(LoopbackTarget.parse(portal, 8080), LoopbackTarget.parse(api, 8081), nasId, apiToken);
        PortalLoginBench.Result r = bench.run(concurrency, Duration.ofSeconds(duration));
        context.out().print(r.report());
        return r.logins() > 0 ? 0 : 1;
    }

    @Command(name = "ac", mixinStandardHelpOptions = true,
            description = {"Voucher logins through a simulated access controller (Portal protocol) against a running server:",
                    "the login page, the voucher, and the portal's exchange with the AC, whose Access-Request the RADIUS server",
                    "answers. The AC listens on 127.0.0.1:--ac-port; register it first as a gateway at 127.0.0.1 with",
                    "--portal-protocol, --portal-secret and --portal-port of the same values."})
    int ac(@Option(names = "--portal", defaultValue = "127.0.0.1:8080", paramLabel = "HOST:PORT") String portal,
           @Option(names = "--portal-protocol-port", defaultValue = "50100", description = "the server's STEPPE_PORTAL2_PORT") int portal2,
           @Option(names = "--radius", defaultValue = "127.0.0.1:1812", paramLabel = "HOST:PORT") String radius,
           @Option(names = "--accounting", defaultValue = "127.0.0.1:1813", paramLabel = "HOST:PORT") String accounting,
           @Option(names = "--ac-name", required = true, description = "the AC's gateway name") String acName,
           @Option(names = "--ac-port", defaultValue = "12000", description = "the AC's Portal port (default ${DEFAULT-VALUE})") int acPort,
           @Option(names = "--protocol", defaultValue = "huawei-v2", description = "the AC's portal protocol (default ${DEFAULT-VALUE})")
           String protocol,
           @Option(names = "--secret", required = true, description = "the AC's RADIUS shared secret") String secret,
           @Option(names = "--portal-secret", required = true, description = "the AC's Portal protocol secret") String portalSecret,
           @Option(names = "--vouchers", required = true, paramLabel = "FILE", description = "voucher codes, one a line; one a login")
           java.nio.file.Path vouchers,
           @Option(names = "--concurrency", defaultValue = "16", description = "phones logging in at once (default ${DEFAULT-VALUE})") int concurrency,
           @Option(names = "--warmup", defaultValue = "5", paramLabel = "SECONDS", description = "0 to 120 (default ${DEFAULT-VALUE})") int warmup,
           @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS", description = "1 to 600 (default ${DEFAULT-VALUE})") int duration,
           @Option(names = "--server-pid", paramLabel = "PID", description = "also report this process's CPU time over the run") Long serverPid)
            throws InterruptedException {
        if (concurrency < 1 || concurrency > 256) {
            throw new UserError("--concurrency must be 1 to 256, was " + concurrency);
        }
        if (duration < 1 || duration > RadiusBenchPlan.MAX_DURATION.toSeconds() || warmup < 0 || warmup > 120) {
            throw new UserError("--duration must be 1 to 600 seconds and --warmup 0 to 120, were " + duration + " and " + warmup);
        }
        java.util.List<String> codes;
        try {
            codes = java.nio.file.Files.readAllLines(vouchers).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
        } catch (java.io.IOException e) {
            throw new UserError("cannot read --vouchers " + vouchers + ": " + e.getMessage());
        }
        io.steppe.portal.ac.PortalProtocol parsed;
        try {
            parsed = io.steppe.portal.ac.PortalProtocol.parse(protocol);
        } catch (IllegalArgumentException e) {
            throw new UserError("--protocol: " + e.getMessage());
        }
        CpuClock serverCpu = serverPid == null ? CpuClock.none() : CpuClock.process(serverPid);
        java.net.InetSocketAddress portalProtocol = new java.net.InetSocketAddress(LoopbackTarget.parse(portal, 8080).address().getAddress(), portal2);
        try (io.steppe.bench.sim.SimulatedAc ac = new io.steppe.bench.sim.SimulatedAc(new io.steppe.bench.sim.SimulatedAc.Settings(acName, parsed,
                portalSecret, new java.net.InetSocketAddress("127.0.0.1", acPort), portalProtocol, LoopbackTarget.parse(radius, 1812).address(),
                LoopbackTarget.parse(accounting, 1813).address(), secret, false))) {
            AcLoginBench.Result r = new AcLoginBench(LoopbackTarget.parse(portal, 8080), ac, acName, codes, serverCpu)
                    .run(concurrency, Duration.ofSeconds(warmup), Duration.ofSeconds(duration));
            context.out().print(r.report());
            context.out().flush();
            return r.logins() > 0 ? 0 : 1;
        }
    }

    @Command(name = "aps", mixinStandardHelpOptions = true,
            description = {"Simulate access points sending heartbeats to a running Steppe on loopback: some fail, degrade or flap",
                    "after --trouble-after. Registers sim-00001... in the instance's database (same STEPPE_HOME) with new tokens,",
                    "then reports rate, latency, server CPU, heartbeats stored versus acknowledged, and how soon failing APs were DOWN."})
    int aps(@Option(names = "--count", defaultValue = "1000", description = "APs, 1 to 100000 (default ${DEFAULT-VALUE})") int count,
            @Option(names = "--target", defaultValue = "http://127.0.0.1:8081", paramLabel = "URL",
                    description = "the API listener, on loopback (default ${DEFAULT-VALUE})") String target,
            @Option(names = "--interval", defaultValue = "30", paramLabel = "SECONDS", description = "heartbeat interval, 1 to 3600 (default ${DEFAULT-VALUE})") int interval,
            @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS", description = "1 to 3600 (default ${DEFAULT-VALUE})") int duration,
            @Option(names = "--trouble-after", paramLabel = "SECONDS", description = "when APs start failing (default: a third of the duration)") Integer troubleAfter,
            @Option(names = "--failing", defaultValue = "1", paramLabel = "PERCENT", description = "APs that fall silent (default ${DEFAULT-VALUE})") int failing,
            @Option(names = "--degrading", defaultValue = "1", paramLabel = "PERCENT", description = "APs whose figures go bad (default ${DEFAULT-VALUE})") int degrading,
            @Option(names = "--flapping", defaultValue = "1", paramLabel = "PERCENT", description = "APs that come and go (default ${DEFAULT-VALUE})") int flapping,
            @Option(names = "--window", defaultValue = "256", description = "requests in flight at most, 1 to 4096 (default ${DEFAULT-VALUE})") int window,
            @Option(names = "--server-pid", paramLabel = "PID", description = "also report this process's CPU time over the run") Long serverPid)
            throws InterruptedException {
        if (count < 1 || count > 100_000) {
            throw new UserError("--count must be 1 to 100000, was " + count);
        }
        if (interval < 1 || interval > 3600 || duration < 1 || duration > 3600) {
            throw new UserError("--interval and --duration must be 1 to 3600 seconds");
        }
        if (failing < 0 || degrading < 0 || flapping < 0 || failing + degrading + flapping > 100) {
            throw new UserError("--failing, --degrading and --flapping are percentages adding up to at most 100");
        }
        if (window < 1 || window > 4096) {
            throw new UserError("--window must be 1 to 4096, was " + window);
        }
        java.net.URI uri = java.net.URI.create(target);
        LoopbackTarget.parse(uri.getHost() + ":" + (uri.getPort() < 0 ? 80 : uri.getPort()), 8081);
        ApBench.Plan plan = new ApBench.Plan(count, uri, Duration.ofSeconds(interval), Duration.ofSeconds(duration),
                Duration.ofSeconds(troubleAfter == null ? duration / 3 : troubleAfter), failing, degrading, flapping, window);
        CpuClock serverCpu = serverPid == null ? CpuClock.none() : CpuClock.process(serverPid);
        ApBench.Result result = context.withDatabase(db -> {
            try {
                return ApBench.run(plan, db, context.actor(), serverCpu, context.clock());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        context.out().print(ApBench.report(plan, result));
        context.out().flush();
        return result.accepted() > 0 ? 0 : 1;
    }

    static RadiusBenchPlan plan(String mode, Integer rate, boolean max, int duration, int warmup, String target,
                                String secret, String user, String password, int window, java.util.List<RadiusBenchPlan.Login> users) {
        if ((rate == null) == !max) {
            throw new UserError("give either --rate R (requests per second) or --max");
        }
        if (rate != null && rate < 1) {
            throw new UserError("--rate must be 1 to " + RadiusBenchPlan.MAX_RATE + " requests per second, was " + rate);
        }
        if (duration < 1 || duration > RadiusBenchPlan.MAX_DURATION.toSeconds()) {
            throw new UserError("--duration must be 1 to 600 seconds, was " + duration);
        }
        BenchMode benchMode = BenchMode.parse(mode);
        LoopbackTarget loopback = target == null
                ? LoopbackTarget.parse("127.0.0.1", benchMode.defaultPort())
                : LoopbackTarget.parse(target, benchMode.defaultPort());
        return new RadiusBenchPlan(benchMode, loopback, secret, Optional.ofNullable(user), Optional.ofNullable(password),
                rate == null ? 0 : rate, Duration.ofSeconds(duration), Duration.ofSeconds(warmup), window,
                RadiusBenchPlan.DEFAULT_TIMEOUT, users);
    }
}
