package io.steppe.ops.server;

import static io.steppe.db.schema.Tables.NAS;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;

import io.steppe.portal.session.ClientSessions;
import io.steppe.radius.RadiusService;
import io.steppe.radius.coa.CoaResult;
import io.steppe.radius.coa.SessionTerminator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.Inet;

/** The portal's view of online clients, answered from RADIUS accounting and ended by Disconnect-Request. */
record RadiusClientSessions(DSLContext dsl, RadiusService radius) implements ClientSessions {

    @Override
    public Optional<Remaining> remaining(Device device) {
        return session(device).filter(s -> s.value2() != null).map(s -> {
            var left = radius.policy().remaining(s.value2());
            return new Remaining(left.seconds(), left.octets());
        });
    }

    @Override
    public boolean logout(Device device) {
        Optional<Record2<String, Long>> session = session(device);
        if (session.isEmpty()) {
            return false;
        }
        return radius.terminator().disconnect(session.get().value1(), SessionTerminator.Reason.LOGOUT, "portal")
                .map(f -> {
                    try {
                        return f.get(15, TimeUnit.SECONDS).outcome() == CoaResult.Outcome.ACK;
                    } catch (Exception e) {
                        return false;
                    }
                }).orElse(false);
    }

    /**
     * A device known by its MAC is found by it on its gateway: behind a NAT (and on the demo's loopback) the address
     * the portal sees is the gateway's, shared by every client. Otherwise the address is the client's own.
     */
    private Optional<Record2<String, Long>> session(Device device) {
        Condition which = device.mac().isPresent() && device.gateway().isPresent()
                ? RADIUS_SESSION_OPEN.CLIENT_MAC.eq(device.mac().get().toString()).and(RADIUS_SESSION_OPEN.NAS_ID.eq(
                        DSL.select(NAS.ID).from(NAS).where(NAS.NAME.eq(device.gateway().get()))))
                : RADIUS_SESSION_OPEN.FRAMED_IP.eq(Inet.valueOf(device.address()));
        List<Record2<String, Long>> open = dsl.select(RADIUS_SESSION_OPEN.UNIQUE_ID, RADIUS_SESSION_OPEN.SUBSCRIBER_ID)
                .from(RADIUS_SESSION_OPEN).where(which)
                .orderBy(RADIUS_SESSION_OPEN.UPDATED_AT.desc()).limit(1).fetch();
        return open.stream().findFirst();
    }
}
