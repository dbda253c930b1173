package io.steppe.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.account.Account;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The console's own pages, its sign-in form and its front page, in the console layout. */
@Singleton
final class ConsolePages {

    /** The front page's entries, each shown to the roles whose route allows it: path and the key of its text. */
    private static final List<Map.Entry<String, String>> ENTRIES = List.of(
            Map.entry("/console/aps", "home.aps"),
            Map.entry("/console/alerts", "home.alerts"),
            Map.entry("/console/sessions", "home.sessions"),
            Map.entry("/console/gateways", "home.gateways"),
            Map.entry("/console/vouchers", "home.vouchers"),
            Map.entry("/console/coverage", "home.coverage"),
            Map.entry("/console/nodes", "home.nodes"),
            Map.entry("/console/accounts", "home.accounts"),
            Map.entry("/console/audit", "home.audit"));

    private final RouteAccess access;
    private final ConsoleLayout layout;

    ConsolePages(RouteAccess access, ConsoleLayout layout) {
        this.access = access;
        this.layout = layout;
    }

    /** The sign-in form, with why the last attempt failed if it did. */
    String login(HttpRequest<?> request, @Nullable String error) {
        Texts t = layout.texts(request);
        return layout.page(layout.page(request, null, t.get("login.title")),
                layout.templates().content("login.jte", Map.of("t", t, "error", error == null ? "" : error)));
    }

    /** The front page: the console pages the account's role may open, then health and metrics. */
    String home(HttpRequest<?> request, Account account) {
        Texts t = layout.texts(request);
        List<Link> links = new ArrayList<>();
        for (Map.Entry<String, String> entry : ENTRIES) {
            if (access.mayOpen(account.role(), entry.getKey())) {
                links.add(new Link(t.get(entry.getValue()), entry.getKey()));
            }
        }
        links.add(new Link(t.get("home.health"), "/health"));
        links.add(new Link(t.get("home.metrics"), "/metrics"));
        return layout.page(layout.page(request, account, t.get("home.title")), layout.templates().content("home.jte", Map.of("t", t, "links", links)));
    }
}
