package io.steppe.bench;

import io.steppe.bench.sim.SimulatedAc;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Voucher logins through an access controller, as fast as {@code concurrency} phones manage: the AC's redirect (the
 * login page), the voucher posted, and the portal's Portal-protocol exchange with the AC (REQ_CHALLENGE, ACK_CHALLENGE,
 * REQ_AUTH, the AC's Access-Request to the RADIUS server, ACK_AUTH, AFF_ACK_AUTH) until the page says the phone is
 * online. The AC is a {@link SimulatedAc} the bench runs, which also sends each login's Accounting-Start. Every login
 * is a new phone (address and MAC) with a voucher of its own. Loopback only, bounded by {@code duration}.
 */
public final class AcLoginBench {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\">");

    /** What a run came to. */
    public record Result(long logins, long failures, double seconds, LatencyHistogram latency, double serverCpuSeconds, double benchCpuSeconds) {

        /** A line for people and a {@code RESULT} line for scripts. */
        public String report() {
            double perSecond = logins / seconds;
            double p50 = latency.valueAt(0.5) / 1e6;
            double p99 = latency.valueAt(0.99) / 1e6;
            double cpuMs = logins == 0 ? 0 : serverCpuSeconds * 1000 / logins;
            double benchMs = logins == 0 ? 0 : benchCpuSeconds * 1000 / logins;
            return String.format(Locale.ROOT, "AC logins (Portal protocol): %,.0f/s over %.1f s, %d done, %d failed, latency p50 %.1f p99 %.1f"
                            + " max %.1f ms, server %.2f ms of CPU a login, phones and AC %.2f ms%n"
                            + "RESULT mode=ac-login logins_per_s=%.0f logins=%d failed=%d p50_ms=%.1f p99_ms=%.1f server_cpu_ms_per_login=%.2f"
                            + " bench_cpu_ms_per_login=%.2f%n",
                    perSecond, seconds, logins, failures, p50, p99, latency.max() / 1e6, cpuMs, benchMs, perSecond, logins, failures, p50, p99,
                    cpuMs, benchMs);
        }
    }

    private final LoopbackTarget portal;
    private final SimulatedAc ac;
    private final String acName;
    private final List<String> vouchers;
    private final CpuClock server;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param ac       the running AC, registered as {@code acName} for the Portal protocol at its own address, which
     *                 must be the address this bench sends from (so the portal takes the pages as the AC's NAT's)
     * @param vouchers one per login; the run stops early when they run out
     */
    public AcLoginBench(LoopbackTarget portal, SimulatedAc ac, String acName, List<String> vouchers, CpuClock server) {
        this.portal = portal;
        this.ac = ac;
        this.acName = acName;
        this.vouchers = List.copyOf(vouchers);
        this.server = server;
    }

    /** Logs in for {@code warmup} unmeasured, then for {@code duration}. */
    public Result run(int concurrency, Duration warmup, Duration duration) throws InterruptedException {
        if (!warmup.isZero()) {
            measure(concurrency, warmup);
        }
        return measure(concurrency, duration);
    }

    private Result measure(int concurrency, Duration duration) throws InterruptedException {
        LatencyHistogram latency = new LatencyHistogram();
        AtomicLong logins = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Duration cpuBefore = server.used().orElse(Duration.ZERO);
        Duration selfBefore = CpuClock.self().used().orElse(Duration.ZERO);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService phones = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            phones.execute(() -> {
                try (KeepAliveConnection toPortal = new KeepAliveConnection(portal)) {
                    while (System.nanoTime() < deadline) {
                        int n = next.getAndIncrement();
                        if (n >= vouchers.size()) {
                            return;
                        }
                        long began = System.nanoTime();
                        if (login(toPortal, n)) {
                            synchronized (latency) {
                                latency.record(System.nanoTime() - began);
                            }
                            logins.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                }
            });
        }
        phones.shutdown();
        phones.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (server.used().orElse(Duration.ZERO).toNanos() - cpuBefore.toNanos()) / 1e9;
        double self = (CpuClock.self().used().orElse(Duration.ZERO).toNanos() - selfBefore.toNanos()) / 1e9;
        return new Result(logins.get(), failures.get(), seconds, latency, cpu, self);
    }

    /** Phone {@code n}: its address in 10.64.0.0/10 and a MAC of its own, so no two logins are of one user. */
    private boolean login(KeepAliveConnection toPortal, int n) {
        Inet4Address ip = address(10, 64 + (n >>> 16 & 0x3f), n >>> 8 & 0xff, n & 0xff);
        String mac = String.format(Locale.ROOT, "02-AB-%02X-%02X-%02X-%02X", n >>> 24 & 0xff, n >>> 16 & 0xff, n >>> 8 & 0xff, n & 0xff);
        ac.connect(new SimulatedAc.User(ip, mac, "02-00-5E-10-00-A1", "Ulanqab-Free"));
        try {
            String page = toPortal.get("/?wlanuserip=" + ip.getHostAddress() + "&wlanacname=" + acName + "&wlanusermac=" + mac
                    + "&ssid=Ulanqab-Free").body();
            StringBuilder form = new StringBuilder();
            Matcher hidden = HIDDEN.matcher(page);
            while (hidden.find()) {
                form.append(hidden.group(1)).append('=')
                        .append(URLEncoder.encode(hidden.group(2).replace("&amp;", "&").replace("&#34;", "\""), StandardCharsets.UTF_8)).append('&');
            }
            if (form.indexOf("csrf=") < 0) {
                return false;
            }
            form.append("voucher=").append(vouchers.get(n)).append("&terms=yes");
            KeepAliveConnection.Response online = toPortal.postForm("/login/voucher", form.toString());
            return online.status() == 200 && ac.online(ip);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Inet4Address address(int a, int b, int c, int d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four octets are always an address", e);
        }
    }
}
