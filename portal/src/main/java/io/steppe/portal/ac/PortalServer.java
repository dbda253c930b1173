package io.steppe.portal.ac;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal server's side of the Portal protocol: one UDP socket ({@code STEPPE_PORTAL2_PORT}, 50100 by default)
 * from which the portal asks ACs to log users on and off, and on which their answers and NTF_LOGOUT arrive.
 *
 * <p>A CHAP login is REQ_CHALLENGE, ACK_CHALLENGE, REQ_AUTH (during which the AC asks Steppe's RADIUS server),
 * ACK_AUTH and AFF_ACK_AUTH; a PAP login starts at REQ_AUTH. Every packet of one login carries the SerialNo the
 * portal chose, which matches the AC's answers to it. A request unanswered is sent again unchanged; when every
 * attempt went unanswered the portal sends REQ_LOGOUT with ErrCode 1 so that the AC forgets the login, and reports
 * a timeout. An answer is taken only from the AC's registered address, only if it answers the request in flight,
 * and, in v2, only with the right authenticator; anything else is dropped and counted.
 *
 * <p>One login at a time per AC and user address, and at most {@link Settings#maxInProgress} in all, so a flood of
 * logins cannot grow the table: beyond it a login is refused at once as {@link Outcome#BUSY}.
 */
public final class PortalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    /** How many answers to NTF_LOGOUT and AFF_ACK_AUTH are kept to send again to an AC that repeats itself. */
    private static final int REMEMBERED_ANSWERS = 4096;

    /**
     * @param bind          where the socket listens
     * @param perAttempt    how long to wait for an answer before sending again (3 s as most portals)
     * @param attempts      how many times to send a request in all (3)
     * @param maxInProgress how many logins and logouts may wait for ACs at once
     */
    public record Settings(InetSocketAddress bind, Duration perAttempt, int attempts, int maxInProgress) {
    }

    /** How a login or logout ended, as the AC's ErrCode says or the portal saw it. */
    public enum Outcome {
        /** ErrCode 0: the user is online (or, for a logout, offline). */
        SUCCESS,
        /** ErrCode 2 of ACK_CHALLENGE or ACK_AUTH: the AC already lets this address through. */
        ALREADY_ONLINE,
        /** ErrCode 1: the AC, or the RADIUS server behind it, refused. */
        REJECTED,
        /** ErrCode 3 (another login for this user is in progress), or too many logins waiting here. */
        BUSY,
        /** ErrCode 4 or another, or an answer that made no sense (a challenge that is not 16 octets). */
        FAILED,
        /** No answer to any attempt. */
        TIMEOUT
    }

    /** @param text what the AC said with it (TextInfo), if anything */
    public record Result(Outcome outcome, Optional<String> text) {
    }

    /** Why an arriving datagram was dropped. */
    public enum Drop {
        MALFORMED, UNKNOWN_SOURCE, NOT_AUTHENTIC, UNEXPECTED
    }

    /** An NTF_LOGOUT the AC sent: the user at {@code userIp} is no longer online. */
    public record LogoutNotice(AccessController ac, Inet4Address userIp, Optional<String> text) {
    }

    private record Key(InetAddress ac, int serialNo) {
    }

    private record UserKey(InetAddress ac, Inet4Address user) {
    }

    /** What is kept to send an answer again: the answer, and the packet it answered as the AC may repeat it. */
    private record Answered(byte[] answer, byte[] repeated) {
    }

    private enum Stage {
        CHALLENGE, AUTH, LOGOUT
    }

    private final class Exchange {
        final AccessController ac;
        final Inet4Address user;
        final int serialNo;
        final byte[] secret;
        final String username;
        final byte[] password;
        final boolean pap;
        final CompletableFuture<Result> result = new CompletableFuture<>();
        Stage stage;
        int reqId;
        byte[] request;
        int attempts;
        Timeout timeout;

        Exchange(AccessController ac, Inet4Address user, int serialNo, String username, byte[] password, boolean pap) {
            this.ac = ac;
            this.user = user;
            this.serialNo = serialNo;
            this.secret = ac.secret().getBytes(StandardCharsets.UTF_8);
            this.username = username;
            this.password = password;
            this.pap = pap;
        }

        /** Sends {@code packet} as the request of {@code stage}, with every attempt it has. Called holding this. */
        void send(Stage next, PortalPacket packet) {
            stage = next;
            request = PortalCodec.encode(packet, secret, PortalCodec.NO_REQUEST);
            attempts = 0;
            transmit();
        }

        void transmit() {
            attempts++;
            // Armed before sending: the answer may come before writeAndFlush returns.
            timeout = timer.newTimeout(t -> expired(this), settings.perAttempt().toMillis(), TimeUnit.MILLISECONDS);
            write(request, ac.portal());
        }

        PortalPacket packet(PortalType type, int errCode, List<PortalAttribute> attributes) {
            return new PortalPacket(ac.protocol().version(), type, pap, serialNo, reqId, user, 0, errCode, attributes);
        }
    }

    private final Settings settings;
    private final Timer timer;
    private final Function<InetAddress, Optional<AccessController>> directory;
    private final Consumer<LogoutNotice> notices;
    private final PortalCounters counters = new PortalCounters();
    private final SecureRandom random = new SecureRandom();
    private final Map<Key, Exchange> pending = new ConcurrentHashMap<>();
    private final Map<UserKey, Exchange> byUser = new ConcurrentHashMap<>();
    private final Map<Key, Answered> answered = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answered> eldest) {
            return size() > REMEMBERED_ANSWERS;
        }
    });
    /** Finds the AC of an unsolicited packet in the database, off the event loop. */
    private final ExecutorService lookups;
    private final EventLoopGroup group;
    private final Channel channel;

    /**
     * @param directory the AC registered at an address, asked when an AC sends what the portal did not ask for
     * @param notices   told of each NTF_LOGOUT once, however often the AC repeats it
     */
    public PortalServer(Settings settings, Timer timer, Function<InetAddress, Optional<AccessController>> directory,
                        Consumer<LogoutNotice> notices) {
        this.settings = settings;
        this.timer = timer;
        this.directory = directory;
        this.notices = notices;
        this.lookups = Executors.newSingleThreadExecutor(new DefaultThreadFactory("steppe-portal2-notices", true));
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("steppe-portal2", true), NioIoHandler.newFactory());
        this.channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
                        arrived(datagram.sender(), ByteBufUtil.getBytes(datagram.content()));
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        LOG.debug("Portal protocol socket error: {}", cause.toString());
                    }
                })
                .bind(settings.bind()).syncUninterruptibly().channel();
    }

    /** The port the socket listens on (useful when bound to port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public PortalCounters counters() {
        return counters;
    }

    /**
     * Asks {@code ac} to log the user at {@code user} on as {@code username}; the AC then asks the RADIUS server.
     * Completes with the AC's answer; never exceptionally.
     *
     * @param chap whether to answer a challenge (CHAP) or send the password itself (PAP)
     */
    public CompletableFuture<Result> login(AccessController ac, Inet4Address user, String username, String password, boolean chap) {
        Optional<Exchange> started = start(ac, user, username, password.getBytes(StandardCharsets.UTF_8), !chap);
        if (started.isEmpty()) {
            return CompletableFuture.completedFuture(new Result(Outcome.BUSY, Optional.empty()));
        }
        Exchange e = started.get();
        synchronized (e) {
            if (chap) {
                e.send(Stage.CHALLENGE, e.packet(PortalType.REQ_CHALLENGE, 0, List.of()));
            } else {
                e.send(Stage.AUTH, e.packet(PortalType.REQ_AUTH, 0, withBasIp(e.ac, List.of(
                        PortalAttribute.text(PortalAttribute.USER_NAME, username), new PortalAttribute(PortalAttribute.PASSWORD, e.password)))));
            }
        }
        return e.result;
    }

    /** Asks {@code ac} to log the user at {@code user} off (REQ_LOGOUT); never completes exceptionally. */
    public CompletableFuture<Result> logout(AccessController ac, Inet4Address user) {
        Optional<Exchange> started = start(ac, user, "", new byte[0], false);
        if (started.isEmpty()) {
            return CompletableFuture.completedFuture(new Result(Outcome.BUSY, Optional.empty()));
        }
        Exchange e = started.get();
        synchronized (e) {
            e.send(Stage.LOGOUT, e.packet(PortalType.REQ_LOGOUT, 0, withBasIp(ac, List.of())));
        }
        return e.result;
    }

    private Optional<Exchange> start(AccessController ac, Inet4Address user, String username, byte[] password, boolean pap) {
        InetAddress at = ac.portal().getAddress();
        if (byUser.size() >= settings.maxInProgress()) {
            counters.refusedBusy();
            return Optional.empty();
        }
        for (int tries = 0; tries < 64; tries++) {
            Key key = new Key(at, random.nextInt(0x10000));
            Exchange e = new Exchange(ac, user, key.serialNo(), username, password, pap);
            if (pending.putIfAbsent(key, e) != null) {
                continue;
            }
            if (byUser.putIfAbsent(new UserKey(at, user), e) != null) {
                pending.remove(key, e);
                counters.refusedBusy();
                return Optional.empty();
            }
            e.result.whenComplete((r, x) -> {
                pending.remove(key, e);
                byUser.remove(new UserKey(at, user), e);
            });
            return Optional.of(e);
        }
        counters.refusedBusy();
        return Optional.empty();
    }

    private void expired(Exchange e) {
        synchronized (e) {
            if (e.result.isDone()) {
                return;
            }
            if (e.attempts < settings.attempts()) {
                e.transmit();
                return;
            }
            if (e.stage != Stage.LOGOUT) {
                // The AC may hold a challenge or a login for this user; the timeout notice tells it to let go.
                write(PortalCodec.encode(e.packet(PortalType.REQ_LOGOUT, 1, withBasIp(e.ac, List.of())), e.secret, PortalCodec.NO_REQUEST),
                        e.ac.portal());
            }
            finish(e, Outcome.TIMEOUT, Optional.empty());
        }
    }

    private void arrived(InetSocketAddress sender, byte[] datagram) {
        PortalCodec.Read read = PortalCodec.read(datagram);
        if (read instanceof PortalCodec.Read.Dropped dropped) {
            counters.drop(Drop.MALFORMED);
            LOG.debug("Dropped a Portal packet from {}: {}", sender, dropped.detail());
            return;
        }
        PortalPacket packet = ((PortalCodec.Read.Packet) read).packet();
        switch (packet.type()) {
            case ACK_CHALLENGE, ACK_AUTH, ACK_LOGOUT -> answer(sender, datagram, packet);
            case NTF_LOGOUT -> lookups.execute(() -> logoutNotice(sender, datagram, packet));
            default -> {
                counters.drop(Drop.UNEXPECTED);
                LOG.debug("Dropped a Portal {} from {}: not one an AC sends the portal", packet.type(), sender);
            }
        }
    }

    private void answer(InetSocketAddress sender, byte[] datagram, PortalPacket packet) {
        Key key = new Key(sender.getAddress(), packet.serialNo());
        Exchange e = pending.get(key);
        if (e == null) {
            repeated(sender, key, datagram, packet);
            return;
        }
        synchronized (e) {
            if (e.result.isDone() || !answers(e, packet.type())) {
                counters.drop(Drop.UNEXPECTED);
                return;
            }
            if (packet.version() != e.ac.protocol().version()
                    || packet.version() == 2 && !PortalCodec.authentic(datagram, e.secret, PortalCodec.authenticatorOf(e.request))) {
                counters.drop(Drop.NOT_AUTHENTIC);
                LOG.debug("Dropped a Portal {} from {}: not signed with {}'s secret", packet.type(), sender, e.ac.name());
                return;
            }
            e.timeout.cancel();
            Optional<String> text = packet.attribute(PortalAttribute.TEXT_INFO).map(PortalAttribute::text);
            switch (e.stage) {
                case CHALLENGE -> challenged(e, packet, text);
                case AUTH -> authenticated(e, packet, datagram, text);
                case LOGOUT -> finish(e, packet.errCode() == 0 || packet.errCode() == 3 ? Outcome.SUCCESS : outcome(packet.errCode()), text);
            }
        }
    }

    private static boolean answers(Exchange e, PortalType type) {
        return switch (e.stage) {
            case CHALLENGE -> type == PortalType.ACK_CHALLENGE;
            case AUTH -> type == PortalType.ACK_AUTH;
            case LOGOUT -> type == PortalType.ACK_LOGOUT;
        };
    }

    private void challenged(Exchange e, PortalPacket ack, Optional<String> text) {
        if (ack.errCode() != 0) {
            finish(e, outcome(ack.errCode()), text);
            return;
        }
        Optional<byte[]> challenge = ack.attribute(PortalAttribute.CHALLENGE).map(PortalAttribute::value).filter(c -> c.length == 16);
        if (challenge.isEmpty()) {
            finish(e, Outcome.FAILED, Optional.of("ACK_CHALLENGE without a 16-octet challenge"));
            return;
        }
        e.reqId = ack.reqId();
        e.send(Stage.AUTH, e.packet(PortalType.REQ_AUTH, 0, withBasIp(e.ac, List.of(
                PortalAttribute.text(PortalAttribute.USER_NAME, e.username),
                new PortalAttribute(PortalAttribute.CHALLENGE, challenge.get()),
                new PortalAttribute(PortalAttribute.CHAP_PASSWORD, PortalCodec.chapPassword(e.reqId, e.password, challenge.get()))))));
    }

    private void authenticated(Exchange e, PortalPacket ack, byte[] datagram, Optional<String> text) {
        if (ack.errCode() != 0) {
            finish(e, outcome(ack.errCode()), text);
            return;
        }
        e.reqId = ack.reqId();
        byte[] affirmation = PortalCodec.encode(e.packet(PortalType.AFF_ACK_AUTH, 0, withBasIp(e.ac, List.of())), e.secret, PortalCodec.NO_REQUEST);
        write(affirmation, e.ac.portal());
        // An AC that missed the affirmation sends ACK_AUTH again: it is affirmed again, and the login not repeated.
        answered.put(new Key(e.ac.portal().getAddress(), e.serialNo), new Answered(affirmation, datagram));
        finish(e, Outcome.SUCCESS, text);
    }

    /** An answer to no request in flight: an AC repeating one it sent before gets the same answer as then. */
    private void repeated(InetSocketAddress sender, Key key, byte[] datagram, PortalPacket packet) {
        Answered before = answered.get(key);
        if (before != null && Arrays.equals(before.repeated(), datagram)) {
            write(before.answer(), sender);
            counters.answeredAgain();
            return;
        }
        counters.drop(Drop.UNKNOWN_SOURCE);
        LOG.debug("Dropped a Portal {} from {}: it answers no request in flight", packet.type(), key.ac());
    }

    private void logoutNotice(InetSocketAddress sender, byte[] datagram, PortalPacket notice) {
        Key key = new Key(sender.getAddress(), notice.serialNo());
        Answered before = answered.get(key);
        if (before != null && Arrays.equals(before.repeated(), datagram)) {
            write(before.answer(), sender);
            counters.answeredAgain();
            return;
        }
        Optional<AccessController> ac;
        try {
            ac = directory.apply(sender.getAddress());
        } catch (RuntimeException e) {
            LOG.warn("Could not look up the AC at {} for its NTF_LOGOUT ({}); it will send it again", sender.getAddress(), e.toString());
            return;
        }
        if (ac.isEmpty()) {
            counters.drop(Drop.UNKNOWN_SOURCE);
            LOG.debug("Dropped an NTF_LOGOUT from {}: no AC is registered there", sender);
            return;
        }
        byte[] secret = ac.get().secret().getBytes(StandardCharsets.UTF_8);
        if (notice.version() != ac.get().protocol().version()
                || notice.version() == 2 && !PortalCodec.authentic(datagram, secret, PortalCodec.NO_REQUEST)) {
            counters.drop(Drop.NOT_AUTHENTIC);
            LOG.debug("Dropped an NTF_LOGOUT from {}: not signed with {}'s secret", sender, ac.get().name());
            return;
        }
        // Answered to the port it came from; the answer echoes SerialNo and ReqID and is signed over the notice's authenticator.
        PortalPacket reply = new PortalPacket(notice.version(), ac.get().protocol().logoutNoticeAnswer(), notice.pap(), notice.serialNo(),
                notice.reqId(), notice.userIp(), 0, 0, withBasIp(ac.get(), List.of()));
        byte[] answer = PortalCodec.encode(reply, secret, notice.version() == 2 ? PortalCodec.authenticatorOf(datagram) : PortalCodec.NO_REQUEST);
        answered.put(key, new Answered(answer, datagram));
        write(answer, sender);
        counters.logoutNoticed();
        Exchange inFlight = byUser.get(new UserKey(sender.getAddress(), notice.userIp()));
        if (inFlight != null) {
            synchronized (inFlight) {
                if (inFlight.stage != Stage.LOGOUT && !inFlight.result.isDone()) {
                    inFlight.timeout.cancel();
                    finish(inFlight, Outcome.FAILED, Optional.of("the AC logged the user off"));
                }
            }
        }
        try {
            notices.accept(new LogoutNotice(ac.get(), notice.userIp(), notice.attribute(PortalAttribute.TEXT_INFO).map(PortalAttribute::text)));
        } catch (RuntimeException e) {
            LOG.warn("Handling an NTF_LOGOUT from {} failed: {}", ac.get().name(), e.toString());
        }
    }

    private void finish(Exchange e, Outcome outcome, Optional<String> text) {
        counters.finished(e.stage == Stage.LOGOUT, outcome);
        e.result.complete(new Result(outcome, text));
    }

    private static Outcome outcome(int errCode) {
        return switch (errCode) {
            case 0 -> Outcome.SUCCESS;
            case 1 -> Outcome.REJECTED;
            case 2 -> Outcome.ALREADY_ONLINE;
            case 3 -> Outcome.BUSY;
            default -> Outcome.FAILED;
        };
    }

    /** BasIP, the AC's own address, which the protocol asks for in every packet but REQ_CHALLENGE and REQ_INFO. */
    private static List<PortalAttribute> withBasIp(AccessController ac, List<PortalAttribute> attributes) {
        if (!(ac.portal().getAddress() instanceof Inet4Address v4)) {
            return attributes;
        }
        List<PortalAttribute> all = new ArrayList<>(attributes);
        all.add(new PortalAttribute(PortalAttribute.BAS_IP, v4.getAddress()));
        return all;
    }

    private void write(byte[] packet, InetSocketAddress to) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet), to));
    }

    @Override
    public void close() {
        pending.values().forEach(e -> {
            synchronized (e) {
                if (e.timeout != null) {
                    e.timeout.cancel();
                }
                e.result.complete(new Result(Outcome.TIMEOUT, Optional.of("the portal server is stopping")));
            }
        });
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        lookups.shutdownNow();
    }
}
