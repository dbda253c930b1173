package io.steppe.radius.server;

import io.steppe.radius.RadiusMetrics;
import io.steppe.radius.accounting.AccountingWriter;
import io.steppe.radius.auth.AccessPolicy;
import io.steppe.radius.nas.GatewaySightings;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.packet.AccessAttempt;
import io.steppe.radius.packet.AccessReplyEncoder;
import io.steppe.radius.packet.AccessRequestDecoder;
import io.steppe.radius.packet.AccountingRecord;
import io.steppe.radius.packet.AccountingRequestDecoder;
import io.steppe.radius.packet.AttributeWriter;
import io.steppe.radius.packet.AuthDecision;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.Decoded;
import io.steppe.radius.packet.DropReason;
import io.steppe.radius.packet.MessageAuthenticator;
import io.steppe.radius.packet.PacketCode;
import io.steppe.radius.packet.ReplyEncoder;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything between a datagram and its reply, apart from the sockets: the checks, the gateway and its
 * secret, BlastRADIUS policy, duplicates, Status-Server, authentication (from memory on the event loop, or
 * through a bounded pool of workers when the database is needed) and accounting to the group-commit writer.
 * A request that cannot be answered is dropped and counted, never answered wrongly; its retransmission is then handled afresh.
 */
public final class RequestDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    /** The port a datagram arrived on. */
    public enum Port { AUTH, ACCT }

    /** How the request travelled. */
    public enum Transport {
        /** RADIUS over UDP (RFC 2865, 2866): the gateway's own shared secret, BlastRADIUS policy applies. */
        UDP,
        /**
         * RadSec, RADIUS over TLS (RFC 6614): TLS authenticates both ends, the shared secret is {@code radsec}
         * (§2.3) and Message-Authenticator policy does not apply.
         */
        TLS
    }

    /** The shared secret RFC 6614 §2.3 fixes for RADIUS over TLS. */
    public static final String RADSEC_SECRET = "radsec";
    /** A header and Message-Authenticator: what a Status-Server reply carries. */
    private static final int STATUS_REPLY = DatagramCheck.HEADER_LENGTH + MessageAuthenticator.ATTRIBUTE_LENGTH;

    private final NasDirectory directory;
    private final BlastRadiusGuard blastRadius;
    private final DuplicateCache duplicates;
    private final AccessPolicy policy;
    private final AccountingWriter accounting;
    private final Executor workers;
    private final RadiusMetrics metrics;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final GatewaySightings sightings;

    /**
     * @param nanoTime the ticker request latency is measured with ({@code System::nanoTime} in production)
     * @param sightings where each answer is noted as the gateway's last request
     */
    public RequestDispatcher(NasDirectory directory, DuplicateCache duplicates, AccessPolicy policy, AccountingWriter accounting,
                             Executor workers, RadiusMetrics metrics, Clock clock, LongSupplier nanoTime, GatewaySightings sightings) {
        this.directory = directory;
        this.blastRadius = new BlastRadiusGuard(directory);
        this.duplicates = duplicates;
        this.policy = policy;
        this.accounting = accounting;
        this.workers = workers;
        this.metrics = metrics;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.sightings = sightings;
    }

    /**
     * Handles one datagram; {@code send} is called with the reply, from whichever thread produced it.
     * Never throws: whatever goes wrong is a counted drop.
     */
    public void handle(Port port, byte[] datagram, InetSocketAddress source, Consumer<byte[]> send) {
        handle(port, Transport.UDP, datagram, source, send);
    }

    /** As {@link #handle(Port, byte[], InetSocketAddress, Consumer)}, for a request that came over {@code transport}. */
    public void handle(Port port, Transport transport, byte[] datagram, InetSocketAddress source, Consumer<byte[]> send) {
        long started = nanoTime.getAsLong();
        Optional<DropReason> problem = DatagramCheck.problem(datagram, datagram.length);
        if (problem.isPresent()) {
            metrics.dropped(problem.get(), "unknown");
            return;
        }
        int length = DatagramCheck.packetLength(datagram);
        byte[] packet = length == datagram.length ? datagram : Arrays.copyOf(datagram, length);
        Optional<NasRepository.Registered> registered = directory.find(source.getAddress());
        if (registered.isEmpty()) {
            metrics.dropped(DropReason.UNKNOWN_CLIENT, "unknown");
            LOG.debug("Dropped a datagram from {}, which is no registered gateway", source);
            return;
        }
        Nas nas = registered.get().nas();
        int code = packet[0] & 0xff;
        if (transport == Transport.TLS) {
            // One TLS connection carries both kinds (RFC 6614 §2.1).
            port = code == PacketCode.ACCOUNTING_REQUEST.code() ? Port.ACCT : Port.AUTH;
        }
        boolean expected = code == PacketCode.STATUS_SERVER.code()
                || (port == Port.AUTH ? code == PacketCode.ACCESS_REQUEST.code() : code == PacketCode.ACCOUNTING_REQUEST.code());
        if (!expected) {
            metrics.dropped(DropReason.UNEXPECTED_CODE, nas.name());
            return;
        }
        String sharedSecret = transport == Transport.TLS ? RADSEC_SECRET : nas.secret();
        byte[] secret = MessageAuthenticator.secretBytes(sharedSecret);
        Optional<DropReason> refused = blastRadius.check(registered.get(), transport, code, packet, secret);
        if (refused.isPresent()) {
            metrics.dropped(refused.get(), nas.name());
            return;
        }
        DuplicateCache.Seen seen = duplicates.check(source, packet);
        if (seen instanceof DuplicateCache.Seen.InFlight) {
            metrics.dropped(DropReason.DUPLICATE_IN_FLIGHT, nas.name());
            return;
        }
        if (seen instanceof DuplicateCache.Seen.Answered answered) {
            metrics.duplicateAnswered(nas.name());
            send.accept(answered.reply());
            return;
        }
        Request request = new Request(port, registered.get(), sharedSecret, packet, secret, source, send, started);
        if (code == PacketCode.STATUS_SERVER.code()) {
            statusServer(request);
        } else if (port == Port.AUTH) {
            metrics.received(RadiusMetrics.Kind.AUTH, nas.name());
            authenticate(request);
        } else {
            metrics.received(RadiusMetrics.Kind.ACCT, nas.name());
            account(request);
        }
    }

    /** One request on its way through. */
    private record Request(Port port, NasRepository.Registered gateway, String sharedSecret, byte[] packet, byte[] secret,
                           InetSocketAddress source, Consumer<byte[]> send, long startedNanos) {
        Nas nas() {
            return gateway.nas();
        }
    }

    /** RFC 5997: answered at once, without the database, so a gateway can tell the server is alive. */
    private void statusServer(Request r) {
        metrics.received(RadiusMetrics.Kind.STATUS, r.nas().name());
        boolean auth = r.port() == Port.AUTH;
        AttributeWriter attributes = new AttributeWriter(STATUS_REPLY);
        if (auth) {
            attributes.messageAuthenticator();
        }
        byte[] reply = ReplyEncoder.encode(auth ? PacketCode.ACCESS_ACCEPT : PacketCode.ACCOUNTING_RESPONSE, r.packet(),
                attributes, r.secret());
        answer(r, reply, RadiusMetrics.Kind.STATUS);
    }

    /**
     * Decodes on the event loop and answers there when the policy can decide from memory (a device coming
     * back); otherwise a worker asks the database, bounded by the pool and its queue.
     */
    private void authenticate(Request r) {
        Decoded<AccessAttempt> decoded = AccessRequestDecoder.decode(r.nas().name(), r.gateway().id(), r.packet(), r.secret());
        if (decoded instanceof Decoded.Dropped<AccessAttempt> dropped) {
            LOG.debug("Access-Request from {} dropped: {}", r.nas().name(), dropped.detail());
            drop(r, dropped.reason());
            return;
        }
        AccessAttempt attempt = ((Decoded.Ok<AccessAttempt>) decoded).value();
        Optional<AuthDecision> fromMemory;
        try {
            fromMemory = policy.decideFromMemory(attempt);
        } catch (RuntimeException e) {
            LOG.warn("Deciding from memory failed, asking the database: {}", e.toString());
            fromMemory = Optional.empty();
        }
        if (fromMemory.isPresent()) {
            metrics.decided(true);
            reply(r, fromMemory.get());
            return;
        }
        try {
            workers.execute(() -> decide(r, attempt));
        } catch (RejectedExecutionException e) {
            drop(r, DropReason.OVERLOAD);
        }
    }

    private void decide(Request r, AccessAttempt attempt) {
        AuthDecision decision;
        try {
            decision = policy.decide(attempt);
        } catch (RuntimeException e) {
            LOG.warn("Access-Request from {} not answered, the database failed: {}", r.nas().name(), e.getMessage());
            drop(r, DropReason.DATABASE_ERROR);
            return;
        }
        metrics.decided(false);
        reply(r, decision);
    }

    private void reply(Request r, AuthDecision decision) {
        byte[] reply = AccessReplyEncoder.encode(decision, r.packet(), r.secret(), r.gateway().vendor());
        if (decision instanceof AuthDecision.Accept) {
            metrics.accepted(r.nas().name());
        } else {
            metrics.rejected(r.nas().name());
        }
        answer(r, reply, RadiusMetrics.Kind.AUTH);
    }

    private void account(Request r) {
        Decoded<AccountingRecord> decoded = AccountingRequestDecoder.decode(r.packet(), r.secret(), r.gateway().id(),
                NasDirectory.unmapped(r.source().getAddress()), clock.instant(), warning -> metrics.accountingWarning(warning, r.nas().name()));
        if (decoded instanceof Decoded.Dropped<AccountingRecord> dropped) {
            LOG.debug("Accounting-Request from {} dropped: {}", r.nas().name(), dropped.detail());
            drop(r, dropped.reason());
            return;
        }
        AccountingRecord record = ((Decoded.Ok<AccountingRecord>) decoded).value();
        // Encoded here, while the record waits for its transaction, so that the writer's thread only hands it out.
        byte[] reply = ReplyEncoder.accountingResponse(r.packet(), r.secret());
        accounting.submit(record).whenComplete((saved, failure) -> {
            if (failure != null) {
                drop(r, failure instanceof AccountingWriter.Overloaded ? DropReason.OVERLOAD
                        : failure instanceof AccountingWriter.Refused ? DropReason.REFUSED_BY_DATABASE : DropReason.DATABASE_ERROR);
                return;
            }
            answer(r, reply, RadiusMetrics.Kind.ACCT);
        });
    }

    private void answer(Request r, byte[] reply, RadiusMetrics.Kind kind) {
        duplicates.answered(r.source(), r.packet(), reply);
        r.send().accept(reply);
        sightings.heard(r.gateway().id());
        metrics.latency(kind, (nanoTime.getAsLong() - r.startedNanos()) / 1e9);
    }

    private void drop(Request r, DropReason reason) {
        duplicates.forget(r.source(), r.packet());
        metrics.dropped(reason, r.nas().name());
    }
}
