package io.steppe.portal.ac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.HashedWheelTimer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal server's UDP side against an AC scripted here packet by packet, on loopback: what it sends, what it
 * takes, and what it drops.
 */
class PortalServerTest {

    private static final String SECRET = "portal-secret-1";
    private static final byte[] CHALLENGE = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final HashedWheelTimer timer = new HashedWheelTimer(10, TimeUnit.MILLISECONDS);
    private final List<PortalServer.LogoutNotice> notices = new CopyOnWriteArrayList<>();
    private DatagramSocket ac;
    private PortalServer server;
    private AccessController controller;
    private Inet4Address user;

    @BeforeEach
    void start() throws Exception {
        ac = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        ac.setSoTimeout(3000);
        user = (Inet4Address) InetAddress.getByName("10.20.0.7");
        controller = new AccessController("hw-ac", PortalProtocol.HUAWEI_V2, SECRET, (InetSocketAddress) ac.getLocalSocketAddress());
        server = new PortalServer(new PortalServer.Settings(new InetSocketAddress("127.0.0.1", 0), Duration.ofMillis(300), 3, 2), timer,
                address -> address.equals(controller.portal().getAddress()) ? Optional.of(controller) : Optional.empty(), notices::add);
    }

    @AfterEach
    void stop() {
        server.close();
        ac.close();
        timer.stop();
    }

    @Test
    void aChapLoginRunsChallengeAuthAndAffirmationWithOneSerialNumber() throws Exception {
        var login = server.login(controller, user, "V-ABCD", "secret-pass", true);
        Received challenge = receive();
        assertEquals(PortalType.REQ_CHALLENGE, challenge.packet.type());
        assertTrue(PortalCodec.authentic(challenge.bytes, secret(), PortalCodec.NO_REQUEST));
        answer(challenge, PortalType.ACK_CHALLENGE, 0, 0x0142, List.of(new PortalAttribute(PortalAttribute.CHALLENGE, CHALLENGE)), secret());

        Received auth = receive();
        assertEquals(PortalType.REQ_AUTH, auth.packet.type());
        assertEquals(challenge.packet.serialNo(), auth.packet.serialNo());
        assertEquals(0x0142, auth.packet.reqId());
        assertEquals("V-ABCD", auth.packet.attribute(PortalAttribute.USER_NAME).orElseThrow().text());
        assertArrayEquals(PortalCodec.chapPassword(0x42, "secret-pass".getBytes(StandardCharsets.UTF_8), CHALLENGE),
                auth.packet.attribute(PortalAttribute.CHAP_PASSWORD).orElseThrow().value());
        assertArrayEquals(new byte[] {127, 0, 0, 1}, auth.packet.attribute(PortalAttribute.BAS_IP).orElseThrow().value());
        answer(auth, PortalType.ACK_AUTH, 0, 0x0142, List.of(), secret());

        Received affirmation = receive();
        assertEquals(PortalType.AFF_ACK_AUTH, affirmation.packet.type());
        assertEquals(challenge.packet.serialNo(), affirmation.packet.serialNo());
        assertTrue(PortalCodec.authentic(affirmation.bytes, secret(), PortalCodec.NO_REQUEST));
        assertEquals(PortalServer.Outcome.SUCCESS, login.get(5, TimeUnit.SECONDS).outcome());
    }

    @Test
    void anUnansweredRequestIsSentAgainUnchangedThenTheLoginIsCalledOffWithATimeoutLogout() throws Exception {
        var login = server.login(controller, user, "V-ABCD", "secret-pass", true);
        byte[] first = receive().bytes;
        assertArrayEquals(first, receive().bytes);
        assertArrayEquals(first, receive().bytes);
        Received logout = receive();
        assertEquals(PortalType.REQ_LOGOUT, logout.packet.type());
        assertEquals(1, logout.packet.errCode());
        assertEquals(PortalCodec.read(first) instanceof PortalCodec.Read.Packet p ? p.packet().serialNo() : -1, logout.packet.serialNo());
        assertEquals(PortalServer.Outcome.TIMEOUT, login.get(5, TimeUnit.SECONDS).outcome());
    }

    @Test
    void aForgedAnswerIsDroppedAndTheRealOneIsTaken() throws Exception {
        var login = server.login(controller, user, "V-ABCD", "secret-pass", true);
        Received challenge = receive();
        byte[] other = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        answer(challenge, PortalType.ACK_CHALLENGE, 0, 9, List.of(new PortalAttribute(PortalAttribute.CHALLENGE, other)),
                "wrong-secret".getBytes(StandardCharsets.UTF_8));
        // From another address, with the right secret: not the AC either.
        try (DatagramSocket elsewhere = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            byte[] bytes = answerBytes(challenge, PortalType.ACK_CHALLENGE, 0, 9, List.of(new PortalAttribute(PortalAttribute.CHALLENGE, other)), secret());
            elsewhere.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", server.port())));
        }
        answer(challenge, PortalType.ACK_CHALLENGE, 0, 7, List.of(new PortalAttribute(PortalAttribute.CHALLENGE, CHALLENGE)), secret());
        Received auth = receive();
        while (auth.packet.type() == PortalType.REQ_CHALLENGE) {
            auth = receive();
        }
        assertEquals(7, auth.packet.reqId());
        assertArrayEquals(PortalCodec.chapPassword(7, "secret-pass".getBytes(StandardCharsets.UTF_8), CHALLENGE),
                auth.packet.attribute(PortalAttribute.CHAP_PASSWORD).orElseThrow().value());
        answer(auth, PortalType.ACK_AUTH, 1, 7, List.of(PortalAttribute.text(PortalAttribute.TEXT_INFO, "AC999")), secret());
        PortalServer.Result result = login.get(5, TimeUnit.SECONDS);
        assertEquals(PortalServer.Outcome.REJECTED, result.outcome());
        assertEquals(Optional.of("AC999"), result.text());
        assertEquals(1, server.counters().dropped(PortalServer.Drop.NOT_AUTHENTIC));
        assertEquals(1, server.counters().dropped(PortalServer.Drop.UNKNOWN_SOURCE));
    }

    @Test
    void anAckAuthTheAcSendsAgainIsAffirmedAgain() throws Exception {
        var login = server.login(controller, user, "V-ABCD", "secret-pass", false);
        Received auth = receive();
        assertEquals(PortalType.REQ_AUTH, auth.packet.type());
        assertTrue(auth.packet.pap());
        assertEquals("secret-pass", auth.packet.attribute(PortalAttribute.PASSWORD).orElseThrow().text());
        answer(auth, PortalType.ACK_AUTH, 0, 3, List.of(), secret());
        Received affirmation = receive();
        assertEquals(PortalServer.Outcome.SUCCESS, login.get(5, TimeUnit.SECONDS).outcome());
        answer(auth, PortalType.ACK_AUTH, 0, 3, List.of(), secret());
        assertArrayEquals(affirmation.bytes, receive().bytes);
        assertEquals(1, server.counters().logins(PortalServer.Outcome.SUCCESS));
    }

    @Test
    void aLogoutNoticeIsAnsweredEachTimeAndActedOnOnce() throws Exception {
        byte[] notice = PortalCodec.encode(new PortalPacket(2, PortalType.NTF_LOGOUT, false, 0, 0, user, 0, 0, List.of()), secret(),
                PortalCodec.NO_REQUEST);
        for (int i = 0; i < 2; i++) {
            ac.send(new DatagramPacket(notice, notice.length, new InetSocketAddress("127.0.0.1", server.port())));
            Received answer = receive();
            assertEquals(PortalType.ACK_NTF_LOGOUT, answer.packet.type());
            assertTrue(PortalCodec.authentic(answer.bytes, secret(), PortalCodec.authenticatorOf(notice)));
        }
        assertEquals(1, notices.size());
        assertEquals(user, notices.get(0).userIp());
        // The same notice signed with another secret is not answered.
        byte[] forged = PortalCodec.encode(new PortalPacket(2, PortalType.NTF_LOGOUT, false, 1, 0, user, 0, 0, List.of()),
                "wrong-secret".getBytes(StandardCharsets.UTF_8), PortalCodec.NO_REQUEST);
        ac.send(new DatagramPacket(forged, forged.length, new InetSocketAddress("127.0.0.1", server.port())));
        ac.setSoTimeout(500);
        assertInstanceOf(SocketTimeoutException.class, org.junit.jupiter.api.Assertions.assertThrows(SocketTimeoutException.class, this::receive));
        assertEquals(1, notices.size());
    }

    @Test
    void oneLoginAtATimePerUserAndNoMoreThanTheBoundInAll() throws Exception {
        var first = server.login(controller, user, "V-ABCD", "secret-pass", true);
        assertEquals(PortalServer.Outcome.BUSY, server.login(controller, user, "V-ABCD", "secret-pass", true).get(1, TimeUnit.SECONDS).outcome());
        server.login(controller, (Inet4Address) InetAddress.getByName("10.20.0.8"), "V-EFGH", "p", true);
        assertEquals(PortalServer.Outcome.BUSY, server.login(controller, (Inet4Address) InetAddress.getByName("10.20.0.9"), "V-IJKL", "p", true)
                .get(1, TimeUnit.SECONDS).outcome());
        assertEquals(PortalServer.Outcome.TIMEOUT, first.get(5, TimeUnit.SECONDS).outcome());
    }

    private record Received(byte[] bytes, PortalPacket packet, InetSocketAddress from) {
    }

    private Received receive() throws Exception {
        byte[] buffer = new byte[2048];
        DatagramPacket d = new DatagramPacket(buffer, buffer.length);
        ac.receive(d);
        byte[] bytes = Arrays.copyOf(buffer, d.getLength());
        PortalPacket p = assertInstanceOf(PortalCodec.Read.Packet.class, PortalCodec.read(bytes)).packet();
        return new Received(bytes, p, (InetSocketAddress) d.getSocketAddress());
    }

    private void answer(Received request, PortalType type, int errCode, int reqId, List<PortalAttribute> attributes, byte[] secret) throws Exception {
        byte[] bytes = answerBytes(request, type, errCode, reqId, attributes, secret);
        ac.send(new DatagramPacket(bytes, bytes.length, request.from));
    }

    private static byte[] answerBytes(Received request, PortalType type, int errCode, int reqId, List<PortalAttribute> attributes, byte[] secret) {
        PortalPacket answer = new PortalPacket(2, type, request.packet.pap(), request.packet.serialNo(), reqId, request.packet.userIp(), 0, errCode,
                new ArrayList<>(attributes));
        return PortalCodec.encode(answer, secret, PortalCodec.authenticatorOf(request.bytes));
    }

    private static byte[] secret() {
        return SECRET.getBytes(StandardCharsets.UTF_8);
    }
}
