package io.steppe.web;

import gg.jte.Content;
import io.micronaut.http.HttpRequest;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.account.Account;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * The console's one layout ({@code layout.jte}), stylesheet and live-update script, around every console page
 * whichever module serves it. A feature module renders its page body with its own {@link Templates} and hands it here
 * as {@link Content}: jte resolves a template call from the calling template's sources at build time, so a module's
 * templates cannot call a template compiled into another module's jar.
 */
@Singleton
public final class ConsoleLayout {

    /** The console's stylesheet, a file of Steppe's own, never inline (the console's policy forbids inline styles). */
    public static final String STYLESHEET = "/console/assets/console.css";
    /**
     * The script every page loads: it refreshes each element that names a fragment URL in {@code data-live} and says
     * when the page last updated, or that the connection is lost.
     */
    public static final String LIVE_SCRIPT = "/console/assets/live.js";

    private final Templates templates = new Templates("io.steppe.web.jte");
    private final ConsoleTexts texts;

    ConsoleLayout(ConsoleTexts texts) {
        this.texts = texts;
    }

    /** The words of the language the request's reader reads. */
    public Texts texts(HttpRequest<?> request) {
        return texts.of(request);
    }

    /** A signed-in account's page titled {@code title}, with the trail to it from the front page. */
    public ConsolePage page(HttpRequest<?> request, String title, Link... trail) {
        return page(request, ConsoleRequest.account(request), title, trail);
    }

    /** A page for {@code user}, or with no header for no one (the sign-in form). */
    ConsolePage page(HttpRequest<?> request, @Nullable Account user, String title, Link... trail) {
        String query = request.getUri().getRawQuery();
        return new ConsolePage(texts(request), title, List.of(trail), user, null,
                request.getPath() + (query == null ? "" : "?" + query));
    }

    /** {@code body} in the layout. */
    public String page(ConsolePage page, Content body) {
        return templates.render("layout.jte", Map.of("page", page, "content", body));
    }

    /** A page that only says something, perhaps as an error, perhaps with a link onward. */
    public String notice(ConsolePage page, Notice notice) {
        return page(page, templates.content("notice.jte", notice));
    }

    Templates templates() {
        return templates;
    }

    /**
     * What a notice page says.
     *
     * @param onward where to go from here, or null
     */
    public record Notice(String text, boolean error, @Nullable Link onward) {
    }
}
