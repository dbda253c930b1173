package io.steppe.web;

import io.micronaut.core.annotation.Nullable;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.account.Account;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** The console's own pages, its sign-in form and its front page, in the console layout. */
@Singleton
final class ConsolePages {

    private final RouteAccess access;
    private final ConsoleLayout layout;

    ConsolePages(RouteAccess access, ConsoleLayout layout) {
        this.access = access;
        this.layout = layout;
    }

    /** The sign-in form, with why the last attempt failed if it did. */
    String login(@Nullable String error) {
        return layout.page(new ConsolePage("Steppe console · sign in", List.of(), null, null),
                layout.templates().content("login.jte", error));
    }

    /** The front page: the console pages the account's role may open, then health and metrics. */
    String home(Account account) {
        List<Link> links = new ArrayList<>();
        for (Link page : List.of(new Link("Access points: map, states and reasons, open alerts", "/console/aps"),
                new Link("4G gap map (planners)", "/console/coverage"),
                new Link("Nodes: the servers answering, and which runs the work that must happen once", "/console/nodes"))) {
            if (access.mayOpen(account.role(), page.href())) {
                links.add(page);
            }
        }
        links.add(new Link("Service health", "/health"));
        links.add(new Link("Metrics (Prometheus)", "/metrics"));
        return layout.page(new ConsolePage("Steppe console", List.of(), account), layout.templates().content("home.jte", links));
    }
}
