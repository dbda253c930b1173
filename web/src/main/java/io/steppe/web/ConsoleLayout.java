package io.steppe.web;

import gg.jte.Content;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The console's one layout ({@code layout.jte}) and stylesheet, around every console page whichever module serves
 * it. A feature module renders its page body with its own {@link Templates} and hands it here as {@link Content}:
 * jte resolves a template call from the calling template's sources at build time, so a module's templates cannot call
 * a template compiled into another module's jar.
 */
@Singleton
public final class ConsoleLayout {

    /** The console's stylesheet, a file of Steppe's own, never inline (the console's policy forbids inline styles). */
    public static final String STYLESHEET = "/console/assets/console.css";

    private final Templates templates = new Templates("io.steppe.web.jte");

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
    public record Notice(String text, boolean error, @io.micronaut.core.annotation.Nullable ConsolePage.Link onward) {
    }
}
