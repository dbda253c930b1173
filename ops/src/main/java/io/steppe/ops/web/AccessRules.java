package io.steppe.ops.web;

import static io.steppe.ops.account.Role.ADMIN;
import static io.steppe.ops.account.Role.OPERATOR;
import static io.steppe.ops.account.Role.PLANNER;

import io.steppe.ops.account.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says who may call what on the API listener: each route, by method and template, and the
 * roles that may call it. A route that is not listed here is refused to everyone (deny by default), so a new
 * endpoint is closed until someone decides who it is for. The README's "Security" table is this table in words.
 *
 * <p>Operators keep the network running: APs (including registering them and their management address, which the
 * prober connects to), gateways, sessions, alerts. Planners see coverage and nothing of the network's users.
 * Admins may do everything. A few paths answer without a login, each for exactly one method.
 */
final class AccessRules {

    /** Method and route template, as Micronaut's router names them (e.g. {@code GET /api/aps/{id}}). */
    record Route(String method, String template) {
    }

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> NETWORK = EnumSet.of(OPERATOR, ADMIN);
    private static final Set<Role> COVERAGE = EnumSet.of(PLANNER, ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    /**
     * Answered without a console login, matched on the exact path and method: load balancers and Prometheus on
     * the operations network, the logins themselves, the console's stylesheet (the login page needs it), and
     * heartbeats, whose AP proves itself with its own token.
     */
    private static final Set<Route> PUBLIC = Set.of(
            new Route("GET", "/health"),
            new Route("GET", "/metrics"),
            new Route("POST", "/api/login"),
            new Route("GET", "/console/login"),
            new Route("POST", "/console/login"),
            new Route("GET", ConsolePages.STYLESHEET),
            new Route("POST", "/api/aps/heartbeat"));

    private static final Map<Route, Set<Role>> ROLES = Map.ofEntries(
            // every account: its own session and the console's front page
            Map.entry(new Route("GET", "/console"), EVERYONE), // the router's template of /console/
            Map.entry(new Route("GET", "/api/me"), EVERYONE),
            Map.entry(new Route("POST", "/api/logout"), EVERYONE),
            Map.entry(new Route("POST", "/console/logout"), EVERYONE),
            // the network: APs, gateways, alerts, who is online
            Map.entry(new Route("GET", "/api/aps"), NETWORK),
            Map.entry(new Route("GET", "/api/aps/{id}"), NETWORK),
            Map.entry(new Route("GET", "/api/aps/{id}/history"), NETWORK),
            Map.entry(new Route("POST", "/api/aps"), NETWORK),
            Map.entry(new Route("POST", "/api/aps/import"), NETWORK),
            Map.entry(new Route("GET", "/api/gateways"), NETWORK),
            Map.entry(new Route("GET", "/api/alerts"), NETWORK),
            Map.entry(new Route("GET", "/api/sessions"), NETWORK),
            Map.entry(new Route("POST", "/api/sessions/{id}/disconnect"), NETWORK),
            Map.entry(new Route("GET", "/console/aps"), NETWORK),
            Map.entry(new Route("GET", "/console/aps/{id}"), NETWORK),
            Map.entry(new Route("GET", "/console/aps/{id}/chart"), NETWORK),
            Map.entry(new Route("GET", "/console/assets/aps/{name}"), NETWORK),
            // coverage
            Map.entry(new Route("POST", "/api/coverage/samples"), COVERAGE),
            Map.entry(new Route("GET", "/api/coverage/cells"), COVERAGE),
            Map.entry(new Route("GET", "/api/coverage/gaps"), COVERAGE),
            Map.entry(new Route("GET", "/api/coverage/gaps/{id}"), COVERAGE),
            Map.entry(new Route("GET", "/api/coverage/changes"), COVERAGE),
            Map.entry(new Route("POST", "/api/coverage/gaps/{id}/status"), COVERAGE),
            Map.entry(new Route("GET", "/console/coverage"), COVERAGE),
            Map.entry(new Route("GET", "/console/coverage/gaps/{id}"), COVERAGE),
            Map.entry(new Route("POST", "/console/coverage/gaps/{id}/status"), COVERAGE),
            Map.entry(new Route("GET", "/console/assets/coverage/{name}"), COVERAGE),
            // codes texted to residents, for development and the demo
            Map.entry(new Route("GET", "/api/dev/sms-outbox"), ADMINS));

    private AccessRules() {
    }

    /** Whether this exact method and path answer without a login. */
    static boolean isPublic(String method, String path) {
        return PUBLIC.contains(new Route(asGet(method), path));
    }

    /** The roles that may call a route; none for a route not listed. */
    static Set<Role> roles(String method, String template) {
        return ROLES.getOrDefault(new Route(asGet(method), template), Set.of());
    }

    /** The router answers HEAD with each GET route's headers: whoever may GET may ask for them. */
    private static String asGet(String method) {
        return method.equals("HEAD") ? "GET" : method;
    }

}
