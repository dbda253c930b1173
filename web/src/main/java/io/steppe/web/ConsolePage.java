package io.steppe.web;

import io.micronaut.core.annotation.Nullable;
import io.steppe.web.account.Account;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the console's layout needs to frame a page: the words of the reader's language, its title, the trail from the
 * console's front page to it, who is signed in (no one on the login page, which then has no header), the script it
 * loads beside the console's live-update script, if any, and its own address, where the language switch comes back to.
 *
 * @param trail the pages between the front page and this one, this one last; empty on the front page itself
 * @param script the path of a script file of Steppe's own; never inline code, which the console's policy forbids
 * @param here the page's path and query
 */
public record ConsolePage(Texts texts, String title, List<Link> trail, @Nullable Account user, @Nullable String script, String here) {

    /** The same page with a script. */
    public ConsolePage withScript(String path) {
        return new ConsolePage(texts, title, trail, user, path, here);
    }

    /** Where the language switch goes to read this page in {@code language}. */
    public String languageLink(String language) {
        return "/console/lang?to=" + language + "&back=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    /** A link; one whose {@code href} is null names the page it is on. */
    public record Link(String text, @Nullable String href) {

        /** The trail's last step: the page itself. */
        public static Link here(String text) {
            return new Link(text, null);
        }
    }
}
