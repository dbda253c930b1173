package io.steppe.portal.ac;

import static io.steppe.db.schema.Tables.NAS;

import io.steppe.db.AuditLog;
import io.steppe.db.keys.Sealer;
import io.steppe.db.keys.SecretKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.Inet;

/**
 * The gateways registered as Portal-protocol ACs ({@code steppe nas add --portal-protocol}), read from the database
 * at each use: a login asks once, so an AC removed or changed on any node is refused or followed at once.
 */
public final class AccessControllers {

    private final DSLContext dsl;
    private final Sealer secrets;

    /** @param keys what the Portal secrets are sealed with, as the gateways' other secrets */
    public AccessControllers(DSLContext dsl, SecretKeys keys) {
        this.dsl = dsl;
        this.secrets = keys.gateways();
    }

    /**
     * Makes the gateway {@code name} a Portal-protocol AC, audited.
     *
     * @return false when there is no gateway of that name
     * @throws IllegalArgumentException when another AC is registered at {@code address}
     */
    public boolean register(String name, PortalProtocol protocol, String secret, InetAddress address, int port, String actor) {
        return dsl.transactionResult(tx -> {
            boolean taken = tx.dsl().fetchExists(NAS, NAS.PORTAL_PROTOCOL.isNotNull().and(NAS.PORTAL_ADDRESS.eq(Inet.valueOf(address)))
                    .and(NAS.NAME.ne(name)));
            if (taken) {
                throw new IllegalArgumentException("another AC is registered at portal address " + address.getHostAddress());
            }
            boolean updated = tx.dsl().update(NAS).set(NAS.PORTAL_PROTOCOL, protocol.label()).set(NAS.PORTAL_SECRET_SEALED, secrets.seal(secret))
                    .set(NAS.PORTAL_ADDRESS, Inet.valueOf(address)).set(NAS.PORTAL_PORT, port).where(NAS.NAME.eq(name)).execute() > 0;
            if (updated) {
                AuditLog.record(tx.dsl(), actor, "nas.portal_protocol", name,
                        Map.of("protocol", protocol.label(), "address", address.getHostAddress(), "port", port));
            }
            return updated;
        });
    }

    /** The AC of that gateway name. */
    public Optional<AccessController> named(String name) {
        return controllers(NAS.NAME.eq(name)).fetchOptional(this::controller);
    }

    /** The AC whose Portal address is {@code address}: what the portal takes an AC's packet from. */
    public Optional<AccessController> at(InetAddress address) {
        return controllers(NAS.PORTAL_ADDRESS.eq(Inet.valueOf(address))).fetchOptional(this::controller);
    }

    /** Every AC, by gateway name. */
    public List<AccessController> all() {
        return controllers(DSL.noCondition()).orderBy(NAS.NAME).fetch(this::controller);
    }

    /** The gateways registered as ACs that {@code which} selects. */
    private SelectConditionStep<Record5<String, String, byte[], Inet, Integer>> controllers(Condition which) {
        return dsl.select(NAS.NAME, NAS.PORTAL_PROTOCOL, NAS.PORTAL_SECRET_SEALED, NAS.PORTAL_ADDRESS, NAS.PORTAL_PORT).from(NAS)
                .where(NAS.PORTAL_PROTOCOL.isNotNull()).and(which);
    }

    private AccessController controller(Record r) {
        return new AccessController(r.get(NAS.NAME), PortalProtocol.parse(r.get(NAS.PORTAL_PROTOCOL)), secrets.open(r.get(NAS.PORTAL_SECRET_SEALED)),
                new InetSocketAddress(r.get(NAS.PORTAL_ADDRESS).address(), r.get(NAS.PORTAL_PORT)));
    }
}
