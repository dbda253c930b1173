package io.steppe.bench.sim;

import com.sun.net.httpserver.HttpServer;
import io.steppe.portal.ac.PortalAttribute;
import io.steppe.portal.ac.PortalCodec;
import io.steppe.portal.ac.PortalPacket;
import io.steppe.portal.ac.PortalProtocol;
import io.steppe.portal.ac.PortalType;
import io.steppe.radius.packet.AttributeWriter;
import io.steppe.radius.packet.Attributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Huawei-style access controller on loopback, for tests, the demo and the benchmark: it listens for the portal
 * on a UDP port (2000 on a real AC), answers REQ_CHALLENGE with a challenge, and on REQ_AUTH asks the RADIUS
 * server with the user's CHAP answer (CHAP-Password's identifier the low octet of ReqID, CHAP-Challenge the
 * challenge) or password, as a real AC does. Accepted, the user is online and accounting starts; REQ_LOGOUT stops
 * it. {@link #kick} sends NTF_LOGOUT as an AC does when a user leaves. What the portal sent is kept, in order.
 *
 * <p>Users are known by address, as an AC knows them from DHCP: {@link #connect} adds one, and {@link #capture} any
 * browser that asks for a page. A packet of the wrong
 * version or, in v2, with the wrong authenticator is ignored, as a real AC ignores it.
 */
public final class SimulatedAc implements AutoCloseable {

    private static final int ACCOUNTING_START = 1;
    private static final int ACCOUNTING_STOP = 2;
    private static final int WIRELESS_802_11 = 19;
    private static final int KEPT = 1000;

    /**
     * @param name         the AC's name, sent as NAS-Identifier and in its redirects as {@code wlanacname}
     * @param bind         where it listens for the portal, and sends RADIUS from
     * @param portal       the portal server's Portal protocol port (50100), where NTF_LOGOUT goes
     * @param forgeAnswers send, before each real ACK_CHALLENGE and ACK_AUTH, a forged one: another challenge or an
     *                     error, signed with another secret (what an attacker on the network would try)
     */
    public record Settings(String name, PortalProtocol protocol, String portalSecret, InetSocketAddress bind, InetSocketAddress portal,
                           InetSocketAddress radiusAuth, InetSocketAddress radiusAccounting, String radiusSecret, boolean forgeAnswers) {
    }

    /** A phone the AC gave an address to. */
    public record User(Inet4Address ip, String mac, String apMac, String ssid) {
    }

    /** Where a user's login stands on the AC. */
    private static final class Login {
        final User user;
        int serialNo = -1;
        int reqId;
        byte[] challenge;
        boolean authenticating;
        String sessionId;
        String username;
        byte[] lastAnswer;

        Login(User user) {
            this.user = user;
        }
    }

    private final Settings settings;
    private final byte[] secret;
    private final DatagramSocket socket;
    private final AccessRequestSender radius;
    private final AccessRequestSender accounting;
    private final Map<Inet4Address, Login> users = new ConcurrentHashMap<>();
    /** The last {@link #KEPT} packet types received: a benchmark's AC receives hundreds a second. */
    private final java.util.ArrayDeque<PortalType> received = new java.util.ArrayDeque<>();
    private final AtomicInteger nextReqId = new AtomicInteger(1);
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService workers;
    private final Thread listener;
    private final List<HttpServer> captures = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public SimulatedAc(Settings settings) {
        this.settings = settings;
        this.secret = settings.portalSecret().getBytes(StandardCharsets.UTF_8);
        try {
            this.socket = new DatagramSocket(settings.bind());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        this.radius = new AccessRequestSender(settings.radiusAuth(), settings.bind().getAddress(), settings.radiusSecret());
        this.accounting = new AccessRequestSender(settings.radiusAccounting(), settings.bind().getAddress(), settings.radiusSecret());
        // RADIUS is asked off the listening thread, as an AC does, so that one slow login does not hold up the others.
        this.workers = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "ac-" + settings.name() + "-radius");
            t.setDaemon(true);
            return t;
        });
        this.listener = new Thread(this::listen, "ac-" + settings.name());
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /** The port it listens on for the portal. */
    public int port() {
        return socket.getLocalPort();
    }

    /** A phone joined and got {@code user.ip()}. */
    public void connect(User user) {
        users.put(user.ip(), new Login(user));
    }

    /**
     * A phone joined, and the AC first tries MAC authentication (Huawei's MAC-priority portal authentication):
     * User-Name and User-Password the phone's MAC. Accepted, the phone is online without the portal.
     *
     * @return whether it is online
     */
    public boolean join(User user) {
        connect(user);
        Login l = users.get(user.ip());
        Optional<Integer> code = radius.access(request(user, user.mac()).userPassword(user.mac().getBytes(StandardCharsets.UTF_8)));
        if (code.orElse(0) != 2) {
            return false;
        }
        synchronized (l) {
            l.sessionId = newSessionId();
            l.username = user.mac();
        }
        accounting.accounting(accountingRequest(l, ACCOUNTING_START));
        return true;
    }

    /** Whether the AC lets the user through. */
    public boolean online(Inet4Address ip) {
        Login l = users.get(ip);
        return l != null && l.sessionId != null;
    }

    /**
     * Captures browsers as an AC does before login: any page asked for on the returned port (on the AC's address) is
     * redirected to {@code portal} in China Mobile's parameter names, with the asking address as the user's. A phone
     * the AC has not seen is given a MAC of its own and joins {@code apMac}'s {@code ssid}, as DHCP would.
     *
     * @return the port browsers are captured on
     */
    public int capture(URI portal, String apMac, String ssid) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(settings.bind().getAddress(), 0), 16);
            http.createContext("/", exchange -> {
                InetAddress peer = exchange.getRemoteAddress().getAddress();
                Login l = peer instanceof Inet4Address ip ? users.computeIfAbsent(ip, a -> new Login(new User(a,
                        String.format(java.util.Locale.ROOT, "02-AC-%02X-%02X-%02X-%02X", a.getAddress()[0] & 0xff, a.getAddress()[1] & 0xff,
                                a.getAddress()[2] & 0xff, a.getAddress()[3] & 0xff), apMac, ssid))) : null;
                String to = l == null ? portal.toString() : portal + "?wlanuserip=" + l.user.ip().getHostAddress() + "&wlanacname="
                        + settings.name() + "&wlanacip=" + settings.bind().getAddress().getHostAddress() + "&wlanusermac=" + l.user.mac()
                        + "&wlanapmac=" + l.user.apMac() + "&ssid=" + URLEncoder.encode(l.user.ssid(), StandardCharsets.UTF_8)
                        + "&wlanuserfirsturl=" + URLEncoder.encode("http://www.ulanqab.gov.cn/", StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Location", to);
                exchange.getResponseHeaders().add("Cache-Control", "no-store");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            http.start();
            captures.add(http);
            return http.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The types of the last thousand packets the portal sent, in the order they came. */
    public List<PortalType> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /**
     * The user left (or was kicked on the AC): accounting stops and the portal is told by NTF_LOGOUT.
     *
     * @return the type of the portal's answer, if it answered within three tries of 1 s
     */
    public Optional<PortalType> kick(Inet4Address ip) {
        Login l = users.get(ip);
        if (l != null) {
            synchronized (l) {
                stop(l, 1);
            }
        }
        PortalPacket notice = new PortalPacket(settings.protocol().version(), PortalType.NTF_LOGOUT, false, 0, 0, ip, 0, 0,
                List.of(basIp()));
        byte[] bytes = PortalCodec.encode(notice, secret, PortalCodec.NO_REQUEST);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(settings.bind().getAddress(), 0))) {
            s.setSoTimeout(1000);
            for (int attempt = 0; attempt < 3; attempt++) {
                s.send(new DatagramPacket(bytes, bytes.length, settings.portal()));
                byte[] buffer = new byte[1024];
                DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
                try {
                    s.receive(answer);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                byte[] got = Arrays.copyOf(buffer, answer.getLength());
                if (PortalCodec.read(got) instanceof PortalCodec.Read.Packet p && (p.packet().version() == 1
                        || PortalCodec.authentic(got, secret, PortalCodec.authenticatorOf(bytes)))) {
                    return Optional.of(p.packet().type());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void listen() {
        byte[] buffer = new byte[2048];
        while (running) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (IOException e) {
                if (running) {
                    continue;
                }
                return;
            }
            byte[] bytes = Arrays.copyOf(buffer, datagram.getLength());
            InetSocketAddress from = (InetSocketAddress) datagram.getSocketAddress();
            if (!(PortalCodec.read(bytes) instanceof PortalCodec.Read.Packet read)) {
                continue;
            }
            PortalPacket p = read.packet();
            if (p.version() != settings.protocol().version() || p.version() == 2 && !PortalCodec.authentic(bytes, secret, PortalCodec.NO_REQUEST)) {
                continue;
            }
            synchronized (received) {
                if (received.size() == KEPT) {
                    received.removeFirst();
                }
                received.addLast(p.type());
            }
            Login l = users.get(p.userIp());
            switch (p.type()) {
                case REQ_CHALLENGE -> challenge(l, p, bytes, from);
                case REQ_AUTH -> workers.execute(() -> authenticate(l, p, bytes, from));
                case REQ_LOGOUT -> logout(l, p, bytes, from);
                default -> {
                    // AFF_ACK_AUTH needs no answer; the rest are not asked of an AC here.
                }
            }
        }
    }

    private void challenge(Login l, PortalPacket p, byte[] request, InetSocketAddress from) {
        if (l == null) {
            answer(p, request, from, PortalType.ACK_CHALLENGE, 1, 0, List.of(PortalAttribute.text(PortalAttribute.TEXT_INFO, "AC103")));
            return;
        }
        synchronized (l) {
            if (l.sessionId != null) {
                answer(p, request, from, PortalType.ACK_CHALLENGE, 2, 0, List.of(PortalAttribute.text(PortalAttribute.TEXT_INFO, "AC101")));
                return;
            }
            if (l.authenticating) {
                answer(p, request, from, PortalType.ACK_CHALLENGE, 3, 0, List.of());
                return;
            }
            if (l.serialNo != p.serialNo() || l.challenge == null) {
                // A repeated REQ_CHALLENGE (same SerialNo) gets the same challenge; a new one a new challenge.
                l.serialNo = p.serialNo();
                l.reqId = nextReqId.getAndUpdate(i -> i == 0xffff ? 1 : i + 1);
                l.challenge = new byte[16];
                random.nextBytes(l.challenge);
            }
            if (settings.forgeAnswers()) {
                byte[] other = new byte[16];
                random.nextBytes(other);
                forge(p, request, from, PortalType.ACK_CHALLENGE, 0, l.reqId, List.of(new PortalAttribute(PortalAttribute.CHALLENGE, other)));
            }
            answer(p, request, from, PortalType.ACK_CHALLENGE, 0, l.reqId, List.of(new PortalAttribute(PortalAttribute.CHALLENGE, l.challenge)));
        }
    }

    private void authenticate(Login l, PortalPacket p, byte[] request, InetSocketAddress from) {
        if (l == null) {
            answer(p, request, from, PortalType.ACK_AUTH, 1, p.reqId(), List.of(PortalAttribute.text(PortalAttribute.TEXT_INFO, "AC103")));
            return;
        }
        String username = p.attribute(PortalAttribute.USER_NAME).map(PortalAttribute::text).orElse("");
        AttributeWriter access;
        synchronized (l) {
            if (l.sessionId != null) {
                // The portal sending its REQ_AUTH again after the AC said yes: the same yes.
                answer(p, request, from, PortalType.ACK_AUTH, l.serialNo == p.serialNo() ? 0 : 2, p.reqId(), List.of());
                return;
            }
            if (l.authenticating) {
                answer(p, request, from, PortalType.ACK_AUTH, 3, p.reqId(), List.of());
                return;
            }
            access = request(l.user, username);
            if (!p.pap()) {
                Optional<byte[]> chap = p.attribute(PortalAttribute.CHAP_PASSWORD).map(PortalAttribute::value).filter(v -> v.length == 16);
                if (l.challenge == null || l.serialNo != p.serialNo() || l.reqId != p.reqId() || chap.isEmpty()) {
                    answer(p, request, from, PortalType.ACK_AUTH, 1, p.reqId(), List.of(PortalAttribute.text(PortalAttribute.TEXT_INFO, "AC999")));
                    return;
                }
                byte[] chapPassword = new byte[17];
                chapPassword[0] = (byte) l.reqId;
                System.arraycopy(chap.get(), 0, chapPassword, 1, 16);
                access.octets(Attributes.CHAP_PASSWORD, chapPassword).octets(Attributes.CHAP_CHALLENGE, l.challenge);
            } else {
                access.userPassword(p.attribute(PortalAttribute.PASSWORD).map(PortalAttribute::value).orElse(new byte[0]));
                l.serialNo = p.serialNo();
            }
            l.authenticating = true;
        }
        Optional<Integer> code = radius.access(access);
        synchronized (l) {
            l.authenticating = false;
            l.challenge = null;
            if (settings.forgeAnswers()) {
                forge(p, request, from, PortalType.ACK_AUTH, 1, p.reqId(), List.of());
            }
            if (code.isEmpty()) {
                answer(p, request, from, PortalType.ACK_AUTH, 4, p.reqId(), List.of(PortalAttribute.text(PortalAttribute.TEXT_INFO, "AC201")));
                return;
            }
            if (code.get() != 2) {
                answer(p, request, from, PortalType.ACK_AUTH, 1, p.reqId(), List.of());
                return;
            }
            l.sessionId = newSessionId();
            l.username = username;
            answer(p, request, from, PortalType.ACK_AUTH, 0, p.reqId(), List.of());
        }
        accounting.accounting(accountingRequest(l, ACCOUNTING_START));
    }

    /** An Acct-Session-Id as ACs make them: random hex. */
    private String newSessionId() {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id).toUpperCase(java.util.Locale.ROOT);
    }

    private void logout(Login l, PortalPacket p, byte[] request, InetSocketAddress from) {
        if (p.errCode() == 1) {
            // The portal gave up on a login: forget the challenge, answer nothing (as ACs do).
            if (l != null) {
                synchronized (l) {
                    l.challenge = null;
                }
            }
            return;
        }
        boolean wasOnline = false;
        if (l != null) {
            synchronized (l) {
                wasOnline = l.sessionId != null;
                stop(l, 1);
            }
        }
        answer(p, request, from, PortalType.ACK_LOGOUT, wasOnline ? 0 : 3, p.reqId(), List.of());
    }

    /** Accounting-Stop for an online user; called holding the login. */
    private void stop(Login l, int cause) {
        if (l.sessionId == null) {
            return;
        }
        AttributeWriter stop = accountingRequest(l, ACCOUNTING_STOP).integer(Attributes.ACCT_TERMINATE_CAUSE, cause);
        l.sessionId = null;
        workers.execute(() -> accounting.accounting(stop));
    }

    private AttributeWriter request(User user, String username) {
        return new AttributeWriter().messageAuthenticator().text(Attributes.USER_NAME, username)
                .octets(Attributes.NAS_IP_ADDRESS, settings.bind().getAddress().getAddress())
                .text(Attributes.NAS_IDENTIFIER, settings.name())
                .integer(Attributes.NAS_PORT_TYPE, WIRELESS_802_11)
                .text(Attributes.CALLING_STATION_ID, user.mac())
                .text(Attributes.CALLED_STATION_ID, user.apMac() + ":" + user.ssid())
                .octets(Attributes.FRAMED_IP_ADDRESS, user.ip().getAddress());
    }

    private AttributeWriter accountingRequest(Login l, int status) {
        return new AttributeWriter().integer(Attributes.ACCT_STATUS_TYPE, status).text(Attributes.ACCT_SESSION_ID, l.sessionId)
                .text(Attributes.USER_NAME, l.username)
                .octets(Attributes.NAS_IP_ADDRESS, settings.bind().getAddress().getAddress())
                .text(Attributes.NAS_IDENTIFIER, settings.name())
                .text(Attributes.CALLING_STATION_ID, l.user.mac())
                .text(Attributes.CALLED_STATION_ID, l.user.apMac() + ":" + l.user.ssid())
                .octets(Attributes.FRAMED_IP_ADDRESS, l.user.ip().getAddress());
    }

    private void answer(PortalPacket p, byte[] request, InetSocketAddress to, PortalType type, int errCode, int reqId, List<PortalAttribute> attributes) {
        send(p, request, to, type, errCode, reqId, attributes, secret);
    }

    private void forge(PortalPacket p, byte[] request, InetSocketAddress to, PortalType type, int errCode, int reqId, List<PortalAttribute> attributes) {
        send(p, request, to, type, errCode, reqId, attributes, "not-the-secret".getBytes(StandardCharsets.UTF_8));
    }

    private void send(PortalPacket p, byte[] request, InetSocketAddress to, PortalType type, int errCode, int reqId, List<PortalAttribute> attributes,
                      byte[] withSecret) {
        List<PortalAttribute> all = new ArrayList<>(attributes);
        all.add(basIp());
        PortalPacket answer = new PortalPacket(p.version(), type, p.pap(), p.serialNo(), reqId, p.userIp(), 0, errCode, all);
        byte[] bytes = PortalCodec.encode(answer, withSecret, p.version() == 2 ? PortalCodec.authenticatorOf(request) : PortalCodec.NO_REQUEST);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private PortalAttribute basIp() {
        return new PortalAttribute(PortalAttribute.BAS_IP, settings.bind().getAddress().getAddress());
    }

    @Override
    public void close() {
        running = false;
        captures.forEach(h -> h.stop(0));
        socket.close();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
