package io.steppe.controller.ap;

import static io.steppe.db.schema.Tables.ACCESS_POINT;
import static io.steppe.db.schema.Tables.NAS;

import io.steppe.db.AuditLog;
import io.steppe.db.Tokens;
import io.steppe.db.net.MacAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.postgres.extensions.types.Inet;

/** The registered access points. Tokens are returned once, at registration, and stored only hashed. */
public final class ApRepository {

    private final DSLContext dsl;
    private final SecureRandom random;

    public ApRepository(DSLContext dsl, SecureRandom random) {
        this.dsl = dsl;
        this.random = random;
    }

    /**
     * Registers an AP and returns its heartbeat token.
     *
     * @throws IllegalArgumentException when the id or MAC is taken or the gateway is unknown
     */
    public String register(AccessPoint ap, String actor) {
        String token = Tokens.newToken(random);
        try {
            dsl.transaction(tx -> {
                Long gatewayId = null;
                if (ap.gateway().isPresent()) {
                    gatewayId = tx.dsl().select(NAS.ID).from(NAS).where(NAS.NAME.eq(ap.gateway().get())).fetchOptional(NAS.ID)
                            .orElseThrow(() -> new IllegalArgumentException("no gateway named '" + ap.gateway().get() + "'"));
                }
                tx.dsl().insertInto(ACCESS_POINT)
                        .set(ACCESS_POINT.ID, ap.id())
                        .set(ACCESS_POINT.MAC, ap.mac().toString())
                        .set(ACCESS_POINT.NAME, ap.name())
                        .set(ACCESS_POINT.SITE, ap.site().orElse(null))
                        .set(ACCESS_POINT.LATITUDE, ap.location().map(AccessPoint.Location::latitude).orElse(null))
                        .set(ACCESS_POINT.LONGITUDE, ap.location().map(AccessPoint.Location::longitude).orElse(null))
                        .set(ACCESS_POINT.GATEWAY_ID, gatewayId)
                        .set(ACCESS_POINT.MGMT_IP, ap.mgmtIp().map(ApRepository::inet).orElse(null))
                        .set(ACCESS_POINT.TOKEN_HASH, Tokens.hash(token))
                        .execute();
                AuditLog.record(tx.dsl(), actor, "ap.add", ap.id(), Map.of("mac", ap.mac().toString()));
            });
        } catch (IntegrityConstraintViolationException e) {
            boolean sameId = dsl.fetchExists(ACCESS_POINT, ACCESS_POINT.ID.eq(ap.id()));
            throw new IllegalArgumentException(sameId ? "an AP with id '" + ap.id() + "' is already registered"
                    : "MAC " + ap.mac() + " is already registered to another AP", e);
        } catch (org.jooq.exception.DataAccessException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw e;
        }
        return token;
    }

    public List<AccessPoint> list() {
        return select().orderBy(ACCESS_POINT.ID).fetch(ApRepository::toAccessPoint);
    }

    public Optional<AccessPoint> find(String id) {
        return select().where(ACCESS_POINT.ID.eq(id)).fetchOptional(ApRepository::toAccessPoint);
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(ACCESS_POINT.asterisk(), NAS.NAME).from(ACCESS_POINT).leftJoin(NAS).on(NAS.ID.eq(ACCESS_POINT.GATEWAY_ID));
    }

    private static AccessPoint toAccessPoint(Record r) {
        Double lat = r.get(ACCESS_POINT.LATITUDE);
        Double lon = r.get(ACCESS_POINT.LONGITUDE);
        return new AccessPoint(r.get(ACCESS_POINT.ID), MacAddress.parse(r.get(ACCESS_POINT.MAC)), r.get(ACCESS_POINT.NAME),
                Optional.ofNullable(r.get(ACCESS_POINT.SITE)),
                lat == null || lon == null ? Optional.empty() : Optional.of(new AccessPoint.Location(lat, lon)),
                Optional.ofNullable(r.get(NAS.NAME)),
                Optional.ofNullable(r.get(ACCESS_POINT.MGMT_IP)).map(i -> i.address().getHostAddress()));
    }

    private static Inet inet(String address) {
        byte[] bytes = io.netty.util.NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            throw new IllegalArgumentException("management address '" + address + "' is not an IP address");
        }
        try {
            return Inet.valueOf(java.net.InetAddress.getByAddress(bytes));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("management address '" + address + "' is not an IP address", e);
        }
    }
}
