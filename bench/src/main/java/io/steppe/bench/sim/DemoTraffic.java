package io.steppe.bench.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live traffic for the demo city: every {@link #EVERY} a simulated phone behind the simulated gateway logs in
 * through the real portal pages with a fresh voucher, the gateway asks the real RADIUS server, and the session
 * is accounted (Start, Interim-Updates, Stop) over a few minutes. Loopback only; at most {@link #MAX_ONLINE}
 * phones online; it stops with the demo.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    static final Duration EVERY = Duration.ofSeconds(20);
    static final int MAX_ONLINE = 20;
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\">");

    private final UamGatewaySimulator gateway;
    private final AccessRequestSender accounting;
    private final Supplier<String> vouchers;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "steppe-demo-traffic");
        t.setDaemon(true);
        return t;
    });
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger online = new AtomicInteger();

    /** @param vouchers makes a fresh voucher for each simulated phone */
    public DemoTraffic(UamGatewaySimulator gateway, InetSocketAddress radiusAcct, String radiusSecret, Supplier<String> vouchers) {
        this.gateway = gateway;
        this.accounting = new AccessRequestSender(radiusAcct, radiusSecret);
        this.vouchers = vouchers;
        scheduler.scheduleWithFixedDelay(this::onePhone, 5, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void onePhone() {
        if (online.get() >= MAX_ONLINE) {
            return;
        }
        byte[] m = new byte[3];
        random.nextBytes(m);
        String mac = "02-DE-00-" + HexFormat.of().withUpperCase().formatHex(m).replaceAll("(..)(..)(..)", "$1-$2-$3");
        try {
            String portalPage = location(get(URI.create("http://127.0.0.1:" + gateway.port() + "/?client=" + mac)));
            String page = get(URI.create(portalPage)).body();
            Map<String, String> form = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(page);
            while (hidden.find() && !form.containsKey("csrf")) {
                form.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
            }
            form.put("voucher", vouchers.get());
            form.put("terms", "yes");
            URI portal = URI.create(portalPage);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(portal.resolve("/login/voucher"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String logon = location(login) + "&client=" + mac;
            get(URI.create(logon));
            if (gateway.lastLogon().map(UamGatewaySimulator.Logon::accepted).orElse(false)) {
                account(gateway.lastLogon().get().username(), mac);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Demo phone {} did not get online: {}", mac, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Start now, an Interim-Update every minute, Stop after three. */
    private void account(String user, String mac) {
        online.incrementAndGet();
        // A gateway that accounts its clients itself has sent the Start; the phone's usage goes on its session.
        Optional<UamGatewaySimulator.Accounted> started = gateway.accounted(mac);
        String session = started.map(UamGatewaySimulator.Accounted::sessionId).orElseGet(() -> HexFormat.of().formatHex(random.generateSeed(4)));
        byte[] ip = started.map(UamGatewaySimulator.Accounted::framedIp)
                .orElseGet(() -> new byte[] {10, 1, (byte) random.nextInt(256), (byte) (1 + random.nextInt(250))});
        if (started.isEmpty()) {
            accounting.accounting(1, session, user, mac, ip, 0, 0, 0);
        }
        for (int minute = 1; minute <= 3; minute++) {
            int at = minute;
            scheduler.schedule(() -> {
                long octets = at * 25L * 1024 * 1024;
                accounting.accounting(at < 3 ? 3 : 2, session, user, mac, ip, at * 60L, octets / 8, octets);
                if (at == 3) {
                    online.decrementAndGet();
                }
            }, at, TimeUnit.MINUTES);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("expected a redirect, got " + response.statusCode()));
    }

    private static String encode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
