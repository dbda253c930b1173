package io.steppe.radius.coa;

import static io.steppe.db.schema.Tables.COA_REQUEST;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;

import io.steppe.db.schema.tables.records.RadiusSessionOpenRecord;
import io.steppe.radius.RadiusMetrics;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.packet.AttributeWriter;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.PacketCode;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.jooq.DSLContext;

/**
 * Ends open sessions through their gateway with a Disconnect-Request and records what the gateway answered; an
 * access controller is also sent the Portal protocol's REQ_LOGOUT, whose answer then decides. The session itself is
 * closed by the Stop the gateway then sends, as for any other end.
 */
public final class SessionTerminator {

    /** Why a session is ended; stored with the request. */
    public enum Reason { QUOTA, OPERATOR, LOGOUT }

    private final DSLContext dsl;
    private final NasRepository gateways;
    private final CoaClient client;
    private final Clock clock;
    private final PortalLogout portalLogout;
    private final RadiusMetrics metrics;

    public SessionTerminator(DSLContext dsl, NasRepository gateways, CoaClient client, Clock clock, PortalLogout portalLogout) {
        this(dsl, gateways, client, clock, portalLogout, RadiusMetrics.NONE);
    }

    public SessionTerminator(DSLContext dsl, NasRepository gateways, CoaClient client, Clock clock, PortalLogout portalLogout,
                             RadiusMetrics metrics) {
        this.metrics = metrics;
        this.dsl = dsl;
        this.gateways = gateways;
        this.client = client;
        this.clock = clock;
        this.portalLogout = portalLogout;
    }

    /**
     * Asks the gateway to end the open session {@code uniqueId}; empty when there is no such open session.
     */
    public Optional<CompletableFuture<CoaResult>> disconnect(String uniqueId, Reason reason, String actor) {
        Optional<RadiusSessionOpenRecord> session = dsl.selectFrom(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.UNIQUE_ID.eq(uniqueId)).fetchOptional();
        if (session.isEmpty() || session.get().getNasId() == null) {
            return Optional.empty();
        }
        RadiusSessionOpenRecord s = session.get();
        Optional<NasRepository.Registered> nas = gateways.find(s.getNasId());
        if (nas.isEmpty()) {
            return Optional.empty();
        }
        AttributeWriter attributes = new AttributeWriter()
                .text(Attributes.USER_NAME, s.getUsername())
                .text(Attributes.ACCT_SESSION_ID, s.getSessionId());
        if (s.getClientMac() != null) {
            attributes.text(Attributes.CALLING_STATION_ID, s.getClientMac().toUpperCase(Locale.ROOT).replace(':', '-'));
        }
        if (s.getFramedIp() != null) {
            attributes.octets(Attributes.FRAMED_IP_ADDRESS, s.getFramedIp().address().getAddress());
        }
        InetSocketAddress gateway = new InetSocketAddress(s.getNasAddress().address(), nas.get().nas().coaPort());
        OffsetDateTime requested = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        CompletableFuture<CoaResult> disconnect = client.send(gateway, nas.get().nas().secret(), PacketCode.DISCONNECT_REQUEST, attributes)
                .thenApply(result -> {
                    dsl.insertInto(COA_REQUEST)
                            .set(COA_REQUEST.NAS_ID, nas.get().id())
                            .set(COA_REQUEST.KIND, "disconnect")
                            .set(COA_REQUEST.REASON, reason.name().toLowerCase(Locale.ROOT))
                            .set(COA_REQUEST.UNIQUE_ID, uniqueId)
                            .set(COA_REQUEST.USERNAME, s.getUsername())
                            .set(COA_REQUEST.REQUESTED_BY, actor)
                            .set(COA_REQUEST.REQUESTED_AT, requested)
                            .set(COA_REQUEST.ANSWERED_AT, result.outcome() == CoaResult.Outcome.TIMEOUT ? null
                                    : OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                            .set(COA_REQUEST.RESULT, result.value())
                            .set(COA_REQUEST.ERROR_CAUSE, result.errorCause().isPresent() ? result.errorCause().getAsInt() : null)
                            .set(COA_REQUEST.ATTEMPTS, result.attempts())
                            .execute();
                    return result;
                });
        Optional<CompletableFuture<Boolean>> acLogout = s.getFramedIp() != null && s.getFramedIp().address() instanceof Inet4Address user
                ? portalLogout.logout(nas.get().nas().name(), user) : Optional.empty();
        if (acLogout.isEmpty()) {
            return Optional.of(counted(disconnect, reason));
        }
        // An AC's own word (ACK_LOGOUT) decides; the Disconnect-Request goes too, for an AC that also takes RFC 5176.
        return Optional.of(counted(acLogout.get().thenApply(loggedOff -> new CoaResult(loggedOff ? CoaResult.Outcome.ACK : CoaResult.Outcome.NAK,
                OptionalInt.empty(), 1)), reason));
    }

    private CompletableFuture<CoaResult> counted(CompletableFuture<CoaResult> answer, Reason reason) {
        return answer.whenComplete((result, failure) -> {
            if (result != null) {
                metrics.disconnected(reason, result.outcome());
            }
        });
    }
}
