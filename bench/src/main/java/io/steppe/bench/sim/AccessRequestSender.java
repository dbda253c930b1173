package io.steppe.bench.sim;

import io.steppe.radius.packet.AccessRequestEncoder;
import io.steppe.radius.packet.AccountingRequestEncoder;
import io.steppe.radius.packet.AttributeWriter;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.Decoded;
import io.steppe.radius.packet.Reply;
import io.steppe.radius.packet.ReplyDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The RADIUS side of a simulated gateway, through Steppe's codec: one Access-Request (PAP or CHAP, with
 * Message-Authenticator) or Accounting-Request, and the answer to it. A reply that does not answer it (another
 * secret, another request) counts as none. Thread-safe: each exchange has its own socket and encoder.
 */
public final class AccessRequestSender {

    private static final String CALLED_STATION = "02-00-5E-10-00-01:Ulanqab-Free";

    private final InetSocketAddress server;
    private final InetAddress source;
    private final byte[] secret;
    private final Duration wait;
    private final SecureRandom random = new SecureRandom();

    public AccessRequestSender(InetSocketAddress server, String secret) {
        this(server, server.getAddress(), secret);
    }

    /** @param source the address to send from: the gateway's, which the server knows it by */
    public AccessRequestSender(InetSocketAddress server, InetAddress source, String secret) {
        this(server, source, secret, Duration.ofSeconds(3));
    }

    /** @param wait how long to wait for an answer before sending once more, then before giving up */
    public AccessRequestSender(InetSocketAddress server, InetAddress source, String secret, Duration wait) {
        this.server = server;
        this.source = source;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.wait = wait;
    }

    /** The reply's code (2 Accept, 3 Reject), or empty when none came. */
    public Optional<Integer> pap(String user, byte[] password, String clientMac) {
        return access(client(user, clientMac).userPassword(password));
    }

    /** CHAP as CoovaChilli sends it: ident 0, the portal's response, CHAP-Challenge the UAM key. */
    public Optional<Integer> chap(String user, byte[] response, byte[] challenge, String clientMac) {
        byte[] chapPassword = new byte[17];
        System.arraycopy(response, 0, chapPassword, 1, 16);
        return access(client(user, clientMac).octets(Attributes.CHAP_PASSWORD, chapPassword).octets(Attributes.CHAP_CHALLENGE, challenge));
    }

    /** One Accounting-Request (RFC 2866); the reply's code (5) or empty. */
    public Optional<Integer> accounting(int statusType, String sessionId, String user, String clientMac, byte[] framedIp, long seconds,
                                        long octetsIn, long octetsOut) {
        AttributeWriter attributes = new AttributeWriter()
                .integer(Attributes.ACCT_STATUS_TYPE, statusType)
                .text(Attributes.ACCT_SESSION_ID, sessionId)
                .text(Attributes.USER_NAME, user)
                .text(Attributes.CALLING_STATION_ID, clientMac)
                .text(Attributes.CALLED_STATION_ID, CALLED_STATION)
                .octets(Attributes.FRAMED_IP_ADDRESS, framedIp)
                .integer(Attributes.ACCT_SESSION_TIME, seconds)
                .integer(Attributes.ACCT_INPUT_OCTETS, octetsIn)
                .integer(Attributes.ACCT_OUTPUT_OCTETS, octetsOut);
        return accounting(attributes);
    }

    /** An Access-Request of {@code attributes}, which hold a Message-Authenticator to fill in; the reply's code or empty. */
    public Optional<Integer> access(AttributeWriter attributes) {
        new AccessRequestEncoder(secret, random).encode(random.nextInt(256), attributes);
        return exchange(attributes.toByteArray());
    }

    /** An Accounting-Request of {@code attributes}; the reply's code (5) or empty. */
    public Optional<Integer> accounting(AttributeWriter attributes) {
        new AccountingRequestEncoder(secret).encode(random.nextInt(256), attributes);
        return exchange(attributes.toByteArray());
    }

    private AttributeWriter client(String user, String clientMac) {
        return new AttributeWriter().messageAuthenticator().text(Attributes.USER_NAME, user).text(Attributes.CALLING_STATION_ID, clientMac);
    }

    private Optional<Integer> exchange(byte[] packet) {
        ReplyDecoder replies = new ReplyDecoder();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(source, 0))) {
            socket.setSoTimeout((int) wait.toMillis());
            for (int attempt = 0; attempt < 2; attempt++) {
                socket.send(new DatagramPacket(packet, packet.length, server));
                byte[] buffer = new byte[4096];
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                    if (replies.decode(Arrays.copyOf(buffer, reply.getLength()), packet, secret) instanceof Decoded.Ok<Reply> ok) {
                        return Optional.of(ok.value().code().code());
                    }
                } catch (SocketTimeoutException e) {
                    // retransmit once, as a gateway would
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
