package io.steppe.ops.web;

import static io.steppe.db.schema.Tables.NAS;
import static io.steppe.db.schema.Tables.NAS_HEARD;

import io.micronaut.core.annotation.Nullable;
import io.steppe.controller.ControllerService;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.controller.radius.RadiusView;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.postgres.extensions.types.Cidr;

/**
 * What {@code /console/gateways} shows of each gateway: how it is registered (never its secrets), when it last had a
 * request answered, its APs by state, who is online through it, and how often it rebooted in the last day.
 */
public record GatewaysPage(List<Gateway> gateways) {

    /** A gateway heard within this is answering; one silent longer may still be fine if no one is online there. */
    public static final Duration ANSWERING = Duration.ofMinutes(10);

    /**
     * One gateway.
     *
     * @param portalProtocol the Portal protocol's name and the AC's address, if it is an access controller
     * @param lastRequest    when a request from it was last answered by any node, if ever
     * @param aps            its APs by state, in the order of {@link ApState}
     */
    public record Gateway(String name, String address, String vendor, boolean uam, @Nullable String portalProtocol, int coaPort,
                          String messageAuthenticator, @Nullable Instant lastRequest, boolean answering, Map<ApState, Integer> aps,
                          int sessions, int users, int rebootsLastDay) {

        public int apCount() {
            return aps.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static GatewaysPage read(DSLContext dsl, ControllerService controller) {
        Instant now = controller.clock().instant();
        Map<String, RadiusView.GatewayUsage> usage = controller.radius().byGateway(now);
        Map<String, Map<ApState, Integer>> states = new HashMap<>();
        for (ApSnapshot ap : controller.evaluator().snapshot().values()) {
            ap.ap().gateway().ifPresent(g -> states.computeIfAbsent(g, k -> new EnumMap<>(ApState.class)).merge(ap.state(), 1, Integer::sum));
        }
        List<Gateway> gateways = dsl.select(NAS.NAME, NAS.ADDRESS, NAS.VENDOR, NAS.UAM_SECRET_SEALED.isNotNull(), NAS.PORTAL_PROTOCOL,
                        NAS.PORTAL_ADDRESS, NAS.PORTAL_PORT, NAS.COA_PORT, NAS.REQUIRE_MESSAGE_AUTHENTICATOR, NAS_HEARD.LAST_REQUEST_AT)
                .from(NAS).leftJoin(NAS_HEARD).on(NAS_HEARD.NAS_ID.eq(NAS.ID)).orderBy(NAS.NAME)
                .fetch(r -> {
                    Instant last = r.value10() == null ? null : r.value10().toInstant();
                    RadiusView.GatewayUsage u = usage.getOrDefault(r.value1(), new RadiusView.GatewayUsage(RadiusView.Usage.NONE, 0));
                    Map<ApState, Integer> aps = new EnumMap<>(ApState.class);
                    for (ApState s : ApState.values()) {
                        aps.put(s, states.getOrDefault(r.value1(), Map.of()).getOrDefault(s, 0));
                    }
                    return new Gateway(r.value1(), address(r.value2()), r.value3(), r.value4(),
                            r.value5() == null ? null : r.value5() + " " + r.value6().address().getHostAddress() + ":" + r.value7(), r.value8(),
                            r.value9(), last, last != null && Duration.between(last, now).compareTo(ANSWERING) <= 0, aps,
                            u.usage().sessions(), u.usage().users(), u.rebootsLastDay());
                });
        return new GatewaysPage(gateways);
    }

    /** A gateway's address as people write it: a host without its /32, a subnet with its prefix. */
    private static String address(Cidr cidr) {
        boolean host = cidr.prefix() == (cidr.address() instanceof java.net.Inet4Address ? 32 : 128);
        return cidr.address().getHostAddress() + (host ? "" : "/" + cidr.prefix());
    }
}
