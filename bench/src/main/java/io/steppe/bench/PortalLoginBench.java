package io.steppe.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full SMS logins against the portal, as fast as {@code concurrency} phones manage: the gateway's redirect, a
 * code requested for a new mainland number from a new device, the code read from the dev outbox (outbox mode, as an admin),
 * the code verified and the gateway's /logon URL received. Loopback only, bounded by {@code duration}.
 */
public final class PortalLoginBench {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** What a run came to. */
    public record Result(long logins, long failures, double seconds, LatencyHistogram latency) {

        /** A line for people and a {@code RESULT} line for scripts. */
        public String report() {
            double perSecond = logins / seconds;
            double p50 = latency.valueAt(0.5) / 1e6;
            double p99 = latency.valueAt(0.99) / 1e6;
            return String.format(Locale.ROOT, "portal SMS logins: %,.0f/s over %.1f s, %d done, %d failed, latency p50 %.1f p99 %.1f max %.1f ms%n"
                            + "RESULT mode=portal-sms logins_per_s=%.0f logins=%d failed=%d p50_ms=%.1f p99_ms=%.1f%n",
                    perSecond, seconds, logins, failures, p50, p99, latency.max() / 1e6, perSecond, logins, failures, p50, p99);
        }
    }

    private final LoopbackTarget portal;
    private final LoopbackTarget api;
    private final String nasId;
    private final String adminToken;
    private final SecureRandom random = new SecureRandom();
    /** Numbers and devices start somewhere new each run, so that a second run is not held back by the first's limits. */
    private final AtomicInteger sequence = new AtomicInteger(new SecureRandom().nextInt(50_000_000));

    public PortalLoginBench(LoopbackTarget portal, LoopbackTarget api, String nasId, String adminToken) {
        this.portal = portal;
        this.api = api;
        this.nasId = nasId;
        this.adminToken = adminToken;
    }

    public Result run(int concurrency, Duration duration) throws InterruptedException {
        LatencyHistogram latency = new LatencyHistogram();
        AtomicLong logins = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService phones = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            phones.execute(() -> {
                try (KeepAliveConnection toPortal = new KeepAliveConnection(portal);
                     KeepAliveConnection toApi = new KeepAliveConnection(api)) {
                    loginUntil(deadline, toPortal, toApi, latency, logins, failures);
                }
            });
        }
        phones.shutdown();
        phones.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        return new Result(logins.get(), failures.get(), (System.nanoTime() - start) / 1e9, latency);
    }

    /** One phone logging in again and again, each time as a new number on a new device. */
    private void loginUntil(long deadline, KeepAliveConnection toPortal, KeepAliveConnection toApi, LatencyHistogram latency,
                            AtomicLong logins, AtomicLong failures) {
        while (System.nanoTime() < deadline) {
            long began = System.nanoTime();
            if (login(toPortal, toApi)) {
                synchronized (latency) {
                    latency.record(System.nanoTime() - began);
                }
                logins.incrementAndGet();
            } else {
                failures.incrementAndGet();
            }
        }
    }

    /** One phone's login; numbers and devices never repeat, so the per-number and per-device limits stay out of the way. */
    private boolean login(KeepAliveConnection toPortal, KeepAliveConnection toApi) {
        int n = sequence.incrementAndGet();
        String number = String.format("+86139%08d", n);
        String mac = String.format("02-BE-%02X-%02X-%02X-%02X", n >>> 24 & 0xff, n >>> 16 & 0xff, n >>> 8 & 0xff, n & 0xff);
        byte[] challenge = new byte[16];
        random.nextBytes(challenge);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("uamip", "10.1.0.1");
        form.put("uamport", "3990");
        form.put("challenge", HexFormat.of().formatHex(challenge));
        form.put("mac", mac.toLowerCase().replace('-', ':'));
        form.put("nasid", nasId);
        form.put("userurl", "");
        form.put("lang", "zh");
        try {
            String page = toPortal.get("/?res=notyet&uamip=10.1.0.1&uamport=3990&challenge=" + form.get("challenge")
                    + "&mac=" + mac + "&nasid=" + nasId).body();
            Matcher csrf = CSRF.matcher(page);
            if (!csrf.find()) {
                return false;
            }
            form.put("csrf", csrf.group(1));
            form.put("terms", "yes");
            form.put("phone", number);
            if (toPortal.postForm("/login/sms/request", encode(form)).status() != 200) {
                return false;
            }
            String masked = "+86" + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
            Matcher sent = Pattern.compile("\"to\":\"" + Pattern.quote(masked) + "\",\"text\":\"[^\"0-9]*(\\d{6})")
                    .matcher(toApi.get("/api/dev/sms-outbox?to=" + URLEncoder.encode(masked, StandardCharsets.UTF_8), adminToken).body());
            if (!sent.find()) {
                return false;
            }
            form.remove("terms");
            form.put("code", sent.group(1));
            KeepAliveConnection.Response verified = toPortal.postForm("/login/sms/verify", encode(form));
            return verified.status() == 303 && verified.headers().getOrDefault("location", "").startsWith("http://10.1.0.1:3990/logon?");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
