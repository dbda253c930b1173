package io.steppe.radius.nas;

import static io.steppe.db.schema.Tables.NAS;

import io.steppe.db.AuditLog;
import io.steppe.db.schema.tables.records.NasRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.postgres.extensions.types.Cidr;

/** The registered gateways. Every change is audited in the transaction that makes it. */
public final class NasRepository {

    private final DSLContext dsl;

    public NasRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Registers a gateway.
     *
     * @throws IllegalArgumentException when its name or address is already registered
     */
    public void add(Nas nas, String actor) {
        try {
            dsl.transaction(tx -> {
                tx.dsl().insertInto(NAS)
                        .set(NAS.NAME, nas.name())
                        .set(NAS.ADDRESS, Cidr.valueOf(nas.address().network(), nas.address().prefixLength()))
                        .set(NAS.SECRET, nas.secret())
                        .set(NAS.UAM_SECRET, nas.uamSecret().orElse(null))
                        .set(NAS.COA_PORT, nas.coaPort())
                        .set(NAS.REQUIRE_MESSAGE_AUTHENTICATOR, nas.requireMessageAuthenticator().value())
                        .set(NAS.LIMIT_PROXY_STATE, nas.limitProxyState().value())
                        .execute();
                AuditLog.record(tx.dsl(), actor, "nas.add", nas.name(), auditDetails(nas));
            });
        } catch (IntegrityConstraintViolationException e) {
            boolean sameName = dsl.fetchExists(NAS, NAS.NAME.eq(nas.name()));
            throw new IllegalArgumentException(sameName
                    ? "a gateway named '" + nas.name() + "' is already registered"
                    : "address " + nas.address() + " is already registered to another gateway", e);
        }
    }

    /**
     * Sets whether the portal logs this gateway's users on with a CHAP response (CoovaChilli's hotspotlogin
     * default) rather than the encoded password; false when there is no gateway of that name.
     */
    public boolean setUamChap(String name, boolean chap, String actor) {
        return dsl.transactionResult(tx -> {
            int updated = tx.dsl().update(NAS).set(NAS.UAM_CHAP, chap).set(NAS.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                    .where(NAS.NAME.eq(name)).execute();
            if (updated > 0) {
                AuditLog.record(tx.dsl(), actor, "nas.uam_chap", name, Map.of("chap", chap));
            }
            return updated > 0;
        });
    }

    /** Removes a gateway; false when there is none of that name. */
    public boolean remove(String name, String actor) {
        return dsl.transactionResult(tx -> {
            int removed = tx.dsl().deleteFrom(NAS).where(NAS.NAME.eq(name)).execute();
            if (removed > 0) {
                AuditLog.record(tx.dsl(), actor, "nas.remove", name, Map.of());
            }
            return removed > 0;
        });
    }

    /** A gateway with its database id, for the server's directory. */
    public record Registered(long id, Nas nas) {
    }

    public List<Registered> listRegistered() {
        return dsl.selectFrom(NAS).orderBy(NAS.NAME).fetch(r -> new Registered(r.getId(), toNas(r)));
    }

    public List<Nas> list() {
        return dsl.selectFrom(NAS).orderBy(NAS.NAME).fetch(NasRepository::toNas);
    }

    public Optional<Nas> find(String name) {
        return dsl.selectFrom(NAS).where(NAS.NAME.eq(name)).fetchOptional(NasRepository::toNas);
    }

    private static Nas toNas(NasRecord r) {
        return new Nas(r.getName(), new NasAddress(r.getAddress().address(), r.getAddress().prefix()), r.getSecret(),
                Optional.ofNullable(r.getUamSecret()), r.getCoaPort(),
                MessageAuthenticatorPolicy.parse(r.getRequireMessageAuthenticator()),
                MessageAuthenticatorPolicy.parse(r.getLimitProxyState()));
    }

    private static Map<String, Object> auditDetails(Nas nas) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", nas.address().toString());
        details.put("coa_port", nas.coaPort());
        details.put("uam_secret", nas.uamSecret().isPresent());
        details.put("require_message_authenticator", nas.requireMessageAuthenticator().value());
        return details;
    }
}
