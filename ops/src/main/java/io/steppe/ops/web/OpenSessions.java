package io.steppe.ops.web;

import static io.steppe.db.schema.Tables.ACCESS_POINT;
import static io.steppe.db.schema.Tables.NAS;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.Inet;

/**
 * Who is online: the open sessions, newest first, with the gateway and the AP each is on, filtered by gateway name
 * and AP id; and how many are on each gateway and AP. Read from PostgreSQL at each call, so every node shows the same.
 */
public final class OpenSessions {

    /** At most this many sessions are listed at once; the counts cover them all. */
    public static final int LIST_LIMIT = 1000;
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** What to list: the sessions of one gateway, of one AP, or all. */
    public record Filter(Optional<String> gateway, Optional<String> ap) {

        static Filter of(@Nullable String gateway, @Nullable String ap) {
            return new Filter(Optional.ofNullable(gateway).filter(g -> !g.isBlank()), Optional.ofNullable(ap).filter(a -> !a.isBlank()));
        }

        static final Filter ALL = new Filter(Optional.empty(), Optional.empty());
    }

    /**
     * One open session.
     *
     * @param apId the AP registered with the session's Called-Station-Id MAC, if any
     */
    @Serdeable
    public record Session(String id, String username, @Nullable String gateway, @Nullable String apMac, @Nullable String apId,
                   @Nullable String apName, @Nullable Double latitude, @Nullable Double longitude, @Nullable String ssid,
                   @Nullable String clientMac, @Nullable String framedIp, Instant startedAt, Instant updatedAt, long sessionTime,
                   long inputOctets, long outputOctets) {

        /** The session's id as a path segment of the console's disconnect form. */
        public String pathId() {
            return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        }

        /** The same session as an operator may see it ({@link Redaction}). */
        Session redacted() {
            return new Session(id, Redaction.username(username), gateway, apMac, apId, apName, latitude, longitude, ssid,
                    clientMac == null ? null : Redaction.mac(clientMac), framedIp, startedAt, updatedAt, sessionTime, inputOctets, outputOctets);
        }
    }

    /** How many sessions are open on a gateway or an AP ({@code name} empty: on none known). */
    public record Count(String name, int sessions) {
    }

    private final DSLContext dsl;

    OpenSessions(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Session> list(Filter filter) {
        // gateway names and AP ids are letters, digits and ._-; anything else (a NUL PostgreSQL refuses) names none
        if (!filter.gateway().map(NAME::matcher).map(java.util.regex.Matcher::matches).orElse(true)
                || !filter.ap().map(NAME::matcher).map(java.util.regex.Matcher::matches).orElse(true)) {
            return List.of();
        }
        Condition where = DSL.noCondition();
        if (filter.gateway().isPresent()) {
            where = where.and(NAS.NAME.eq(filter.gateway().get()));
        }
        if (filter.ap().isPresent()) {
            where = where.and(ACCESS_POINT.ID.eq(filter.ap().get()));
        }
        return dsl.select(RADIUS_SESSION_OPEN.UNIQUE_ID, RADIUS_SESSION_OPEN.USERNAME, NAS.NAME, RADIUS_SESSION_OPEN.AP_MAC, ACCESS_POINT.ID,
                        ACCESS_POINT.NAME, ACCESS_POINT.LATITUDE, ACCESS_POINT.LONGITUDE, RADIUS_SESSION_OPEN.SSID, RADIUS_SESSION_OPEN.CLIENT_MAC,
                        RADIUS_SESSION_OPEN.FRAMED_IP, RADIUS_SESSION_OPEN.STARTED_AT, RADIUS_SESSION_OPEN.UPDATED_AT,
                        RADIUS_SESSION_OPEN.SESSION_TIME, RADIUS_SESSION_OPEN.INPUT_OCTETS, RADIUS_SESSION_OPEN.OUTPUT_OCTETS)
                .from(RADIUS_SESSION_OPEN)
                .leftJoin(NAS).on(NAS.ID.eq(RADIUS_SESSION_OPEN.NAS_ID))
                .leftJoin(ACCESS_POINT).on(ACCESS_POINT.MAC.eq(RADIUS_SESSION_OPEN.AP_MAC))
                .where(where)
                .orderBy(RADIUS_SESSION_OPEN.STARTED_AT.desc(), RADIUS_SESSION_OPEN.UNIQUE_ID).limit(LIST_LIMIT)
                .fetch(r -> new Session(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9(), r.value10(), address(r.value11()), r.value12().toInstant(), r.value13().toInstant(), r.value14(),
                        r.value15(), r.value16()));
    }

    /** Sessions per gateway, most first. */
    List<Count> byGateway() {
        return counts(NAS.NAME);
    }

    /** Sessions per registered AP, most first; sessions on an AP not registered are left out. */
    List<Count> byAp() {
        List<Count> all = counts(ACCESS_POINT.ID);
        return all.stream().filter(c -> !c.name().isEmpty()).toList();
    }

    private List<Count> counts(Field<String> by) {
        Field<Integer> n = DSL.count().as("n");
        List<Count> out = new ArrayList<>();
        dsl.select(by, n).from(RADIUS_SESSION_OPEN)
                .leftJoin(NAS).on(NAS.ID.eq(RADIUS_SESSION_OPEN.NAS_ID))
                .leftJoin(ACCESS_POINT).on(ACCESS_POINT.MAC.eq(RADIUS_SESSION_OPEN.AP_MAC))
                .groupBy(by).orderBy(n.desc(), by)
                .forEach(r -> out.add(new Count(r.value1() == null ? "" : r.value1(), r.value2())));
        return out;
    }

    private static @Nullable String address(@Nullable Inet inet) {
        return inet == null ? null : inet.address().getHostAddress();
    }
}
