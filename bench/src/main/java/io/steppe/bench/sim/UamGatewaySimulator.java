package io.steppe.bench.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.steppe.portal.uam.UamChecksum;
import io.steppe.radius.packet.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A CoovaChilli-like hotspot gateway on loopback, for the demo and end-to-end tests. A browser that opens it
 * is redirected to the portal ({@code res=notyet}, a fresh challenge, {@code md} signed with the UAM secret);
 * its {@code /logon} decodes the password as CoovaChilli does, asks the RADIUS server, and sends the browser
 * back to the portal with {@code res=success} or {@code res=failed}. Given an accounting port, it also does what
 * CoovaChilli does after an Access-Accept (Accounting-Start) and at its {@code /logoff} (Accounting-Stop, then the
 * browser back to the portal with {@code res=logoff}).
 */
public final class UamGatewaySimulator implements AutoCloseable {

    /** What the last /logon came to. */
    public record Logon(String username, boolean accepted) {
    }

    /** A session the gateway accounted for a client: its Acct-Session-Id, user name and address. */
    public record Accounted(String sessionId, String username, byte[] framedIp) {
    }

    private static final byte[] CLIENT_IP = {10, 1, 0, 42};

    private final String nasId;
    private final Optional<String> uamSecret;
    private final String clientMac;
    private final URI portal;
    private final AccessRequestSender radius;
    private final HttpServer http;
    private final SecureRandom random = new SecureRandom();
    /** The challenge each client was last given, by MAC: several simulated phones may be mid-login at once. */
    private final java.util.concurrent.ConcurrentMap<String, byte[]> challenges = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<Logon> lastLogon = new AtomicReference<>();
    /** Null where the gateway sends no accounting (the caller accounts, or nothing needs it). */
    private final AccessRequestSender accounting;
    private final java.util.concurrent.ConcurrentMap<String, Accounted> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param clientMac the MAC of the one client it simulates, as CoovaChilli writes it ({@code AA-BB-…})
     * @param portal    the portal's URL, e.g. {@code http://127.0.0.1:8080/}
     */
    public UamGatewaySimulator(String nasId, String radiusSecret, Optional<String> uamSecret, String clientMac,
                               InetSocketAddress radiusAuth, URI portal) {
        this(nasId, radiusSecret, uamSecret, clientMac, radiusAuth, Optional.empty(), portal);
    }

    /** @param radiusAcct where to send accounting for the clients it lets in, as CoovaChilli does */
    public UamGatewaySimulator(String nasId, String radiusSecret, Optional<String> uamSecret, String clientMac,
                               InetSocketAddress radiusAuth, Optional<InetSocketAddress> radiusAcct, URI portal) {
        this.accounting = radiusAcct.map(a -> new AccessRequestSender(a, radiusSecret)).orElse(null);
        this.nasId = nasId;
        this.uamSecret = uamSecret;
        this.clientMac = clientMac;
        this.portal = portal;
        this.radius = new AccessRequestSender(radiusAuth, radiusSecret);
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/logon", this::logon);
        http.createContext("/logoff", this::logoff);
        http.createContext("/", this::captured);
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public Optional<Logon> lastLogon() {
        return Optional.ofNullable(lastLogon.get());
    }

    /** The session this gateway accounted for the client {@code mac} ({@code AA-BB-…}), while it is open. */
    public Optional<Accounted> accounted(String mac) {
        return Optional.ofNullable(sessions.get(mac));
    }

    /** Any page a captured client asks for: off to the portal. {@code ?client=MAC} plays another phone. */
    private void captured(HttpExchange exchange) throws IOException {
        String mac = client(query(exchange.getRequestURI()));
        byte[] fresh = new byte[16];
        random.nextBytes(fresh);
        challenges.put(mac, fresh);
        String query = "res=notyet&uamip=127.0.0.1&uamport=" + port() + "&challenge=" + HexFormat.of().formatHex(fresh)
                + "&called=02-00-5E-10-00-01&mac=" + mac + "&ip=10.1.0.42&nasid=" + nasId + "&sessionid="
                + HexFormat.of().formatHex(fresh, 0, 4) + "&userurl=" + encode("http://www.ulanqab.gov.cn/");
        redirect(exchange, signed(portal + "?" + query));
    }

    /** As CoovaChilli does with a UAM secret: every redirect to the portal carries {@code md}. */
    private String signed(String url) {
        return uamSecret.map(s -> url + "&md=" + UamChecksum.compute(url, s)).orElse(url);
    }

    private void logon(HttpExchange exchange) throws IOException {
        Map<String, String> p = query(exchange.getRequestURI());
        String clientMac = client(p);
        byte[] issued = challenges.remove(clientMac);
        if (issued == null) {
            redirect(exchange, signed(portal + "?res=failed&reason=other&uamip=127.0.0.1&uamport=" + port() + "&nasid=" + nasId));
            return;
        }
        byte[] chal = key(issued);
        String user = p.getOrDefault("username", "");
        Optional<Integer> answer;
        if (p.containsKey("response")) {
            answer = radius.chap(user, HexFormat.of().parseHex(p.get("response")), chal, clientMac);
        } else {
            byte[] masked = HexFormat.of().parseHex(p.getOrDefault("password", ""));
            byte[] plain = new byte[masked.length];
            for (int i = 0; i < masked.length; i++) {
                plain[i] = (byte) (masked[i] ^ chal[i]);
            }
            answer = radius.pap(user, plain, clientMac);
        }
        boolean accepted = answer.orElse(0) == 2;
        lastLogon.set(new Logon(user, accepted));
        if (accepted && accounting != null) {
            Accounted session = new Accounted(HexFormat.of().formatHex(issued, 0, 4), user, CLIENT_IP);
            accounting.accounting(1, session.sessionId(), user, clientMac, CLIENT_IP, 0, 0, 0);
            sessions.put(clientMac, session);
        }
        String back = "uamip=127.0.0.1&uamport=" + port() + "&nasid=" + nasId + "&mac=" + clientMac
                + Optional.ofNullable(p.get("userurl")).map(u -> "&userurl=" + encode(u)).orElse("");
        redirect(exchange, signed(portal + "?" + (accepted ? "res=success&" : "res=failed&reason=reject&") + back));
    }

    /** CoovaChilli's log-off: the client's session stopped (and accounted), the browser back to the portal. */
    private void logoff(HttpExchange exchange) throws IOException {
        String clientMac = client(query(exchange.getRequestURI()));
        Accounted session = sessions.remove(clientMac);
        if (session != null && accounting != null) {
            accounting.accounting(2, session.sessionId(), session.username(), clientMac, session.framedIp(), 1, 0, 0);
        }
        redirect(exchange, signed(portal + "?res=logoff&uamip=127.0.0.1&uamport=" + port() + "&nasid=" + nasId + "&mac=" + clientMac));
    }

    /** The simulated phone: {@code client} if given (the gateway keeps it in the /logon URL it is sent to), else the default. */
    private String client(Map<String, String> query) {
        String asked = query.get("client");
        return asked != null && asked.matches("([0-9A-F]{2}-){5}[0-9A-F]{2}") ? asked : clientMac;
    }

    private byte[] key(byte[] challenge) {
        if (uamSecret.isEmpty()) {
            return challenge;
        }
        MessageDigest md5 = Digests.md5();
        md5.update(challenge);
        md5.update(uamSecret.get().getBytes(StandardCharsets.UTF_8));
        return md5.digest();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
