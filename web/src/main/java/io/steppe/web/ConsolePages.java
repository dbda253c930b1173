package io.steppe.web;

import io.micronaut.core.annotation.Nullable;
import io.steppe.web.account.Account;
import jakarta.inject.Singleton;

/**
 * The console's HTML, self-contained (no external scripts, fonts or tiles: the operations network may be closed).
 * Styles are a stylesheet of Steppe's own, never inline, so that the pages' Content-Security-Policy can forbid
 * every inline style and script.
 */
@Singleton
final class ConsolePages {

    private final RouteAccess access;

    ConsolePages(RouteAccess access) {
        this.access = access;
    }

    /** Where {@link #STYLE} is served; public, since the login page uses it. */
    static final String STYLESHEET = "/console/assets/console.css";
    static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1c1e21}
            header{background:#203040;color:#fff;padding:.75rem 1.25rem;display:flex;justify-content:space-between;align-items:center}
            main{padding:1.25rem;max-width:60rem}
            form.login{background:#fff;padding:1.5rem;border-radius:.5rem;max-width:22rem;margin:3rem auto}
            label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;box-sizing:border-box}
            button{margin-top:1rem;padding:.5rem 1rem}.error{color:#b00020}
            """;

    String login(@Nullable String error) {
        return page("Steppe console · sign in", """
                <form class="login" method="post" action="/console/login">
                <h1>Steppe console</h1>
                %s
                <label for="username">User name</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Sign in</button>
                </form>""".formatted(error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>"));
    }

    String home(Account account) {
        return page("Steppe console", """
                <header><strong>Steppe console</strong>
                <form method="post" action="/console/logout">%s (%s) <button type="submit">Sign out</button></form></header>
                <main>
                <h1>Ulanqab public Wi-Fi and 4G coverage</h1>
                <ul>
                %s%s<li><a href="/health">Service health</a></li>
                <li><a href="/metrics">Metrics (Prometheus)</a></li>
                </ul>
                </main>""".formatted(escape(account.username()), escape(account.role().value()),
                link(account, "/console/aps", "Access points: map, states and reasons, open alerts"),
                link(account, "/console/coverage", "4G gap map (planners)")));
    }

    /** A link to a console page the account's role may open, else nothing. */
    private String link(Account account, String page, String text) {
        return access.mayOpen(account.role(), page)
                ? "<li><a href=\"" + page + "\">" + escape(text) + "</a></li>\n" : "";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"></head><body>" + body + "</body></html>";
    }

    static String escape(String text) {
        return io.steppe.web.Html.escape(text);
    }
}
