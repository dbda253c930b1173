package io.steppe.radius.nas;

import static io.steppe.db.schema.Tables.NAS;

import io.steppe.db.AuditLog;
import io.steppe.db.keys.SecretKeys;
import io.steppe.db.keys.Sealer;
import io.steppe.db.schema.tables.records.NasRecord;
import io.steppe.radius.packet.Vendor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.postgres.extensions.types.Cidr;

/**
 * The registered gateways. Every change is audited in the transaction that makes it. Their RADIUS and UAM
 * secrets are stored sealed ({@link SecretKeys#gateways()}), never in clear.
 */
public final class NasRepository {

    private final DSLContext dsl;
    private final Sealer secrets;

    public NasRepository(DSLContext dsl, SecretKeys keys) {
        this.dsl = dsl;
        this.secrets = keys.gateways();
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
                        .set(NAS.SECRET_SEALED, secrets.seal(nas.secret()))
                        .set(NAS.UAM_SECRET_SEALED, nas.uamSecret().map(secrets::seal).orElse(null))
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

    /** Sets whose gateway it is, which chooses the vendor attributes of its replies; audited. */
    public boolean setVendor(String name, Vendor vendor, String actor) {
        return dsl.transactionResult(tx -> {
            int updated = tx.dsl().update(NAS).set(NAS.VENDOR, vendor.label()).set(NAS.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                    .where(NAS.NAME.eq(name)).execute();
            if (updated > 0) {
                AuditLog.record(tx.dsl(), actor, "nas.vendor", name, Map.of("vendor", vendor.label()));
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

    /**
     * Seals the secrets of gateways registered before secrets were sealed, and clears them; returns how many
     * gateways it sealed. Run at start, so a database carries no clear secret after its first upgraded start.
     */
    public int sealClearSecrets() {
        return dsl.transactionResult(tx -> {
            var clear = tx.dsl().select(NAS.ID, NAS.SECRET, NAS.UAM_SECRET).from(NAS)
                    .where(NAS.SECRET.isNotNull().or(NAS.UAM_SECRET.isNotNull())).forUpdate().fetch();
            for (var row : clear) {
                var update = tx.dsl().update(NAS).set(NAS.SECRET, (String) null).set(NAS.UAM_SECRET, (String) null);
                if (row.value2() != null) {
                    update = update.set(NAS.SECRET_SEALED, secrets.seal(row.value2()));
                }
                if (row.value3() != null) {
                    update = update.set(NAS.UAM_SECRET_SEALED, secrets.seal(row.value3()));
                }
                update.where(NAS.ID.eq(row.value1())).execute();
            }
            if (!clear.isEmpty()) {
                AuditLog.record(tx.dsl(), "steppe", "nas.seal_secrets", "nas", Map.of("gateways", clear.size()));
            }
            return clear.size();
        });
    }

    /** A gateway with its database id, for the server's directory. */
    /** A gateway as the RADIUS server serves it: its row, its settings, and whose it is (the reply's vendor attributes). */
    public record Registered(long id, Nas nas, Vendor vendor) {
    }

    public List<Registered> listRegistered() {
        return dsl.selectFrom(NAS).orderBy(NAS.NAME).fetch(r -> new Registered(r.getId(), toNas(r), Vendor.parse(r.getVendor())));
    }

    public List<Nas> list() {
        return dsl.selectFrom(NAS).orderBy(NAS.NAME).fetch(this::toNas);
    }

    public Optional<Nas> find(String name) {
        return dsl.selectFrom(NAS).where(NAS.NAME.eq(name)).fetchOptional(this::toNas);
    }

    /** The gateway with database id {@code id}. */
    public Optional<Registered> find(long id) {
        return dsl.selectFrom(NAS).where(NAS.ID.eq(id)).fetchOptional(r -> new Registered(r.getId(), toNas(r), Vendor.parse(r.getVendor())));
    }

    /** A secret as a row holds it: sealed, or in clear until {@link #sealClearSecrets()} has run. */
    private Optional<String> secret(byte[] sealed, String clear) {
        return sealed != null ? Optional.of(secrets.open(sealed)) : Optional.ofNullable(clear);
    }

    private Nas toNas(NasRecord r) {
        return new Nas(r.getName(), new NasAddress(r.getAddress().address(), r.getAddress().prefix()),
                secret(r.getSecretSealed(), r.getSecret()).orElseThrow(), secret(r.getUamSecretSealed(), r.getUamSecret()), r.getCoaPort(),
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
