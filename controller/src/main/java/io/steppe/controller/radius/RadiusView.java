package io.steppe.controller.radius;

import static io.steppe.db.schema.Tables.NAS;
import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reads what RADIUS accounting (the radius module) recorded: open sessions per AP (Called-Station-Id) and per
 * gateway, and gateway reboots (Accounting-On/Off close a gateway's sessions with the cause {@code NAS-Reboot}).
 * Stale sessions are closed by the radius module's own housekeeping, so an open session here is a live one.
 */
public final class RadiusView {

    /** Sessions open and distinct users (User-Name) among them. */
    public record Usage(int sessions, int users) {
        public static final Usage NONE = new Usage(0, 0);
    }

    /** A gateway's users and how often it rebooted lately. */
    public record GatewayUsage(Usage usage, int rebootsLastDay) {
    }

    private final DSLContext dsl;

    public RadiusView(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Keyed by AP MAC (lower-case colon form). */
    public Map<String, Usage> byAp() {
        Map<String, Usage> out = new HashMap<>();
        dsl.select(RADIUS_SESSION_OPEN.AP_MAC, DSL.count(), DSL.countDistinct(RADIUS_SESSION_OPEN.USERNAME))
                .from(RADIUS_SESSION_OPEN).where(RADIUS_SESSION_OPEN.AP_MAC.isNotNull()).groupBy(RADIUS_SESSION_OPEN.AP_MAC)
                .forEach(r -> out.put(r.value1(), new Usage(r.value2(), r.value3())));
        return out;
    }

    /** Keyed by gateway name. */
    public Map<String, GatewayUsage> byGateway(Instant now) {
        Map<String, Integer> reboots = new HashMap<>();
        dsl.select(NAS.NAME, DSL.countDistinct(RADIUS_SESSION.STOPPED_AT)).from(RADIUS_SESSION).join(NAS).on(NAS.ID.eq(RADIUS_SESSION.NAS_ID))
                .where(RADIUS_SESSION.TERMINATE_CAUSE.eq("NAS-Reboot"))
                .and(RADIUS_SESSION.STOPPED_AT.ge(now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)))
                .and(RADIUS_SESSION.STARTED_AT.ge(now.minus(Duration.ofDays(32)).atOffset(ZoneOffset.UTC)))
                .groupBy(NAS.NAME).forEach(r -> reboots.put(r.value1(), r.value2()));
        Map<String, GatewayUsage> out = new HashMap<>();
        dsl.select(NAS.NAME, DSL.count(RADIUS_SESSION_OPEN.UNIQUE_ID), DSL.countDistinct(RADIUS_SESSION_OPEN.USERNAME))
                .from(NAS).leftJoin(RADIUS_SESSION_OPEN).on(RADIUS_SESSION_OPEN.NAS_ID.eq(NAS.ID)).groupBy(NAS.NAME)
                .forEach(r -> out.put(r.value1(), new GatewayUsage(new Usage(r.value2(), r.value3()), reboots.getOrDefault(r.value1(), 0))));
        return out;
    }
}
