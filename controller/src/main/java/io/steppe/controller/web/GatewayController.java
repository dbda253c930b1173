package io.steppe.controller.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.controller.ControllerService;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.controller.radius.RadiusView;
import io.steppe.web.Allowed;
import io.steppe.web.account.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code GET /api/gateways}: per gateway (NAS), its APs by state and, from RADIUS accounting, the sessions and
 * users online through it and how often it rebooted in the last day (Accounting-On/Off).
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/api/gateways")
@ExecuteOn(TaskExecutors.BLOCKING)
final class GatewayController {

    private final ControllerService controller;

    GatewayController(ControllerService controller) {
        this.controller = controller;
    }

    /** One gateway's view. */
    @Serdeable
    record GatewayView(String name, int aps, Map<String, Integer> states, int sessions, int users, int rebootsLastDay) {
    }

    @Get
    List<GatewayView> list() {
        Map<String, RadiusView.GatewayUsage> usage = controller.radius().byGateway(controller.clock().instant());
        Map<String, Map<String, Integer>> states = new TreeMap<>();
        for (ApSnapshot ap : controller.evaluator().snapshot().values()) {
            ap.ap().gateway().ifPresent(g -> states.computeIfAbsent(g, k -> empty()).merge(ap.state().name(), 1, Integer::sum));
        }
        TreeSet<String> names = new TreeSet<>(usage.keySet());
        names.addAll(states.keySet());
        List<GatewayView> out = new ArrayList<>();
        for (String name : names) {
            Map<String, Integer> s = states.getOrDefault(name, empty());
            RadiusView.GatewayUsage u = usage.getOrDefault(name, new RadiusView.GatewayUsage(RadiusView.Usage.NONE, 0));
            out.add(new GatewayView(name, s.values().stream().mapToInt(Integer::intValue).sum(), s, u.usage().sessions(), u.usage().users(),
                    u.rebootsLastDay()));
        }
        return out;
    }

    private static Map<String, Integer> empty() {
        Map<String, Integer> m = new TreeMap<>();
        for (ApState s : ApState.values()) {
            m.put(s.name(), 0);
        }
        return m;
    }
}
