package io.steppe.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run's result as a block for people and one {@code RESULT key=value ...} line for scripts. CPU time is shown
 * per answered request so a reader can see that the generator costs less than the server it measures.
 */
public record BenchReport(RadiusBenchPlan plan, BenchResult result) {

    public String human() {
        BenchResult r = result;
        BenchResult.Latency l = r.latency();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "RADIUS bench: %s to %s, %s (window %d, %d source ports, %s)%n", plan.mode().label(),
                plan.target(), plan.unthrottled() ? "as fast as the window allows" : "offered " + plan.ratePerSecond() + " requests/s",
                plan.window(), plan.channels(), r.transport()));
        out.append(String.format(Locale.ROOT, "  measured   %.2f s after %d s of warm-up%n", seconds(r.measured()), plan.warmup().toSeconds()));
        out.append(String.format(Locale.ROOT, "  throughput %,.0f requests/s answered%n", r.perSecond()));
        out.append(String.format(Locale.ROOT, "  requests   sent %,d  answered %,d (%s)  lost %,d%n", r.sent(), r.answered(), answers(), r.lost()));
        out.append(String.format(Locale.ROOT, "  latency    p50 %s  p90 %s  p99 %s  p99.9 %s  max %s ms%n", ms(l.p50()), ms(l.p90()),
                ms(l.p99()), ms(l.p999()), ms(l.max())));
        out.append("  generator  ").append(cpu(r.clientCpu())).append(System.lineSeparator());
        r.serverCpu().ifPresent(cpu -> out.append("  server     ").append(cpu(Optional.of(cpu))).append(System.lineSeparator()));
        List<String> notes = new ArrayList<>();
        if (r.behind() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d requests were due while the window was full and were not sent", r.behind()));
        }
        if (r.invalid() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d replies had a wrong Response Authenticator (another secret?)", r.invalid()));
        }
        if (r.unmatched() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d replies came after their request timed out, or twice", r.unmatched()));
        }
        if (r.errors() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d malformed datagrams or socket errors", r.errors()));
        }
        notes.forEach(n -> out.append("  note       ").append(n).append(System.lineSeparator()));
        return out.toString();
    }

    public String resultLine() {
        BenchResult r = result;
        BenchResult.Latency l = r.latency();
        return String.format(Locale.ROOT, "RESULT mode=%s target=%s transport=%s rate=%s window=%d duration_s=%.2f req_per_s=%.0f sent=%d"
                        + " answered=%d accept=%d reject=%d acct_response=%d other=%d lost=%d behind=%d invalid=%d unmatched=%d"
                        + " errors=%d p50_ms=%s p90_ms=%s p99_ms=%s p999_ms=%s max_ms=%s client_cpu_s=%s client_cpu_us_per_req=%s"
                        + " server_cpu_s=%s server_cpu_us_per_req=%s",
                plan.mode().label(), plan.target(), r.transport(), plan.unthrottled() ? "max" : Integer.toString(plan.ratePerSecond()),
                plan.window(), seconds(r.measured()), r.perSecond(), r.sent(), r.answered(), r.accepted(), r.rejected(),
                r.accountingResponses(), r.otherReplies(), r.lost(), r.behind(), r.invalid(), r.unmatched(), r.errors(),
                ms(l.p50()), ms(l.p90()), ms(l.p99()), ms(l.p999()), ms(l.max()),
                r.clientCpu().map(c -> String.format(Locale.ROOT, "%.2f", seconds(c))).orElse("na"), perRequest(r.clientCpu()),
                r.serverCpu().map(c -> String.format(Locale.ROOT, "%.2f", seconds(c))).orElse("na"), perRequest(r.serverCpu()));
    }

    private String answers() {
        BenchResult r = result;
        String answers = plan.mode().authentication()
                ? String.format(Locale.ROOT, "accept %,d, reject %,d", r.accepted(), r.rejected())
                : String.format(Locale.ROOT, "accounting-response %,d", r.accountingResponses());
        return r.otherReplies() > 0 ? answers + String.format(Locale.ROOT, ", other %,d", r.otherReplies()) : answers;
    }

    private String cpu(Optional<Duration> used) {
        if (used.isEmpty()) {
            return "CPU time not available on this platform";
        }
        double share = result.measured().isZero() ? 0 : 100.0 * used.get().toNanos() / result.measured().toNanos();
        return String.format(Locale.ROOT, "CPU %.2f s = %s us per answered request, %.0f %% of one core",
                seconds(used.get()), perRequest(used), share);
    }

    private String perRequest(Optional<Duration> used) {
        return used.filter(u -> result.answered() > 0)
                .map(u -> String.format(Locale.ROOT, "%.1f", u.toNanos() / 1e3 / result.answered())).orElse("na");
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
