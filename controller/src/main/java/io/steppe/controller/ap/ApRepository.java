package io.steppe.controller.ap;

import static io.steppe.db.schema.Tables.ACCESS_POINT;
import static io.steppe.db.schema.Tables.NAS;

import io.steppe.db.AuditLog;
import io.steppe.web.Tokens;
import io.steppe.db.net.MacAddress;
import io.steppe.db.schema.tables.records.AccessPointRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.postgres.extensions.types.Inet;

/** The registered access points. Tokens are returned once, at registration, and stored only hashed. */
public final class ApRepository {

    private final DSLContext dsl;
    private final SecureRandom random;
    private final Clock clock;

    /** @param clock stamps {@code updated_at}, so tests can fix the time */
    public ApRepository(DSLContext dsl, SecureRandom random, Clock clock) {
        this.dsl = dsl;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Registers an AP and returns its heartbeat token.
     *
     * @throws IllegalArgumentException when the id or MAC is taken or the gateway is unknown
     */
    public String register(AccessPoint ap, String actor) {
        String token = Tokens.newToken(random);
        guarded(ap, () -> dsl.transaction(tx -> {
            AccessPointRecord row = tx.dsl().newRecord(ACCESS_POINT);
            fill(tx.dsl(), row, ap);
            row.setTokenHash(Tokens.hash(token));
            row.insert();
            AuditLog.record(tx.dsl(), actor, "ap.add", ap.id(), Map.of("mac", ap.mac().toString()));
        }));
        return token;
    }

    /**
     * Registers a new AP or updates the one with the same id (its token is kept). Returns the token of a new AP.
     *
     * @throws IllegalArgumentException when the MAC belongs to another AP or the gateway is unknown
     */
    public Optional<String> upsert(AccessPoint ap, String actor) {
        if (find(ap.id()).isEmpty()) {
            return Optional.of(register(ap, actor));
        }
        guarded(ap, () -> dsl.transaction(tx -> {
            AccessPointRecord row = tx.dsl().fetchSingle(ACCESS_POINT, ACCESS_POINT.ID.eq(ap.id()));
            fill(tx.dsl(), row, ap);
            Map<String, Object> changed = changes(row);
            row.setUpdatedAt(OffsetDateTime.now(clock));
            row.update();
            AuditLog.record(tx.dsl(), actor, "ap.update", ap.id(), changed);
        }));
        return Optional.empty();
    }

    /** Gives an AP a new heartbeat token (the old one stops working) and returns it. */
    public String rotateToken(String id, String actor) {
        String token = Tokens.newToken(random);
        dsl.transaction(tx -> {
            int updated = tx.dsl().update(ACCESS_POINT).set(ACCESS_POINT.TOKEN_HASH, Tokens.hash(token))
                    .set(ACCESS_POINT.UPDATED_AT, OffsetDateTime.now(clock)).where(ACCESS_POINT.ID.eq(id)).execute();
            if (updated == 0) {
                throw new IllegalArgumentException("no AP with id '" + id + "'");
            }
            AuditLog.record(tx.dsl(), actor, "ap.token", id, Map.of());
        });
        return token;
    }

    /**
     * Registers or updates many APs in one transaction and gives each a new token, returned by AP id: for simulators
     * and the demo, which play the APs themselves. Gateways are named as in {@link #register}.
     */
    public Map<String, String> registerWithNewTokens(List<AccessPoint> aps, String actor) {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        dsl.transaction(tx -> {
            Map<String, Long> gateways = new java.util.HashMap<>();
            tx.dsl().select(NAS.NAME, NAS.ID).from(NAS).forEach(r -> gateways.put(r.value1(), r.value2()));
            List<org.jooq.Query> upserts = new java.util.ArrayList<>(aps.size());
            for (AccessPoint ap : aps) {
                String token = Tokens.newToken(random);
                tokens.put(ap.id(), token);
                Long gatewayId = ap.gateway().map(g -> java.util.Optional.ofNullable(gateways.get(g))
                        .orElseThrow(() -> new IllegalArgumentException("no gateway named '" + g + "'"))).orElse(null);
                upserts.add(tx.dsl().insertInto(ACCESS_POINT).set(ACCESS_POINT.ID, ap.id()).set(ACCESS_POINT.MAC, ap.mac().toString())
                        .set(ACCESS_POINT.NAME, ap.name()).set(ACCESS_POINT.SITE, ap.site().orElse(null))
                        .set(ACCESS_POINT.LATITUDE, ap.location().map(AccessPoint.Location::latitude).orElse(null))
                        .set(ACCESS_POINT.LONGITUDE, ap.location().map(AccessPoint.Location::longitude).orElse(null))
                        .set(ACCESS_POINT.GATEWAY_ID, gatewayId).set(ACCESS_POINT.TOKEN_HASH, Tokens.hash(token))
                        .onConflict(ACCESS_POINT.ID).doUpdate().set(ACCESS_POINT.TOKEN_HASH, Tokens.hash(token))
                        .set(ACCESS_POINT.GATEWAY_ID, gatewayId).set(ACCESS_POINT.UPDATED_AT, OffsetDateTime.now(clock)));
            }
            for (int i = 0; i < upserts.size(); i += 1000) {
                tx.dsl().batch(upserts.subList(i, Math.min(upserts.size(), i + 1000))).execute();
            }
            AuditLog.record(tx.dsl(), actor, "ap.tokens", aps.size() + " APs", Map.of("count", Integer.toString(aps.size())));
        });
        return tokens;
    }

    /** What an update changes, as the audit log shows it: each changed column with its new value (the MAC always). */
    private static Map<String, Object> changes(AccessPointRecord row) {
        Map<String, Object> changed = new java.util.TreeMap<>();
        changed.put("mac", row.getMac());
        for (org.jooq.Field<?> f : ACCESS_POINT.fields()) {
            if (f != ACCESS_POINT.TOKEN_HASH && f != ACCESS_POINT.UPDATED_AT && !java.util.Objects.equals(row.original(f), row.get(f))) {
                changed.put(f.getName(), String.valueOf(row.get(f)));
            }
        }
        return changed;
    }

    /** The AP a heartbeat token belongs to. */
    public Optional<String> ownerOfToken(String token) {
        return ownerOfTokenHash(Tokens.hash(token));
    }

    /** The AP whose token has this SHA-256. */
    public Optional<String> ownerOfTokenHash(byte[] hash) {
        return dsl.select(ACCESS_POINT.ID).from(ACCESS_POINT).where(ACCESS_POINT.TOKEN_HASH.eq(hash)).fetchOptional(ACCESS_POINT.ID);
    }

    /** Every AP's token hash, for an in-memory lookup. */
    public Map<java.nio.ByteBuffer, String> tokenHashes() {
        Map<java.nio.ByteBuffer, String> out = new java.util.HashMap<>();
        dsl.select(ACCESS_POINT.TOKEN_HASH, ACCESS_POINT.ID).from(ACCESS_POINT)
                .forEach(r -> out.put(java.nio.ByteBuffer.wrap(r.value1()), r.value2()));
        return out;
    }

    public List<AccessPoint> list() {
        return select().orderBy(ACCESS_POINT.ID).fetch(ApRepository::toAccessPoint);
    }

    public Optional<AccessPoint> find(String id) {
        return select().where(ACCESS_POINT.ID.eq(id)).fetchOptional(ApRepository::toAccessPoint);
    }

    private void guarded(AccessPoint ap, Runnable write) {
        try {
            write.run();
        } catch (IntegrityConstraintViolationException e) {
            boolean sameMacElsewhere = dsl.fetchExists(ACCESS_POINT,
                    ACCESS_POINT.MAC.eq(ap.mac().toString()).and(ACCESS_POINT.ID.ne(ap.id())));
            throw new IllegalArgumentException(sameMacElsewhere ? "MAC " + ap.mac() + " is already registered to another AP"
                    : "an AP with id '" + ap.id() + "' is already registered", e);
        } catch (DataAccessException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw e;
        }
    }

    private static void fill(DSLContext tx, AccessPointRecord row, AccessPoint ap) {
        Long gatewayId = null;
        if (ap.gateway().isPresent()) {
            gatewayId = tx.select(NAS.ID).from(NAS).where(NAS.NAME.eq(ap.gateway().get())).fetchOptional(NAS.ID)
                    .orElseThrow(() -> new IllegalArgumentException("no gateway named '" + ap.gateway().get() + "'"));
        }
        row.setId(ap.id());
        row.setMac(ap.mac().toString());
        row.setName(ap.name());
        row.setSite(ap.site().orElse(null));
        row.setLatitude(ap.location().map(AccessPoint.Location::latitude).orElse(null));
        row.setLongitude(ap.location().map(AccessPoint.Location::longitude).orElse(null));
        row.setGatewayId(gatewayId);
        row.setMgmtIp(ap.mgmtIp().map(ApRepository::inet).orElse(null));
        row.setModel(ap.hardware().model().orElse(null));
        row.setFirmware(ap.hardware().firmware().orElse(null));
        row.setInstallDate(ap.hardware().installDate().orElse(null));
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
                Optional.ofNullable(r.get(ACCESS_POINT.MGMT_IP)).map(i -> i.address().getHostAddress()),
                new AccessPoint.Hardware(Optional.ofNullable(r.get(ACCESS_POINT.MODEL)), Optional.ofNullable(r.get(ACCESS_POINT.FIRMWARE)),
                        Optional.ofNullable(r.get(ACCESS_POINT.INSTALL_DATE))));
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
