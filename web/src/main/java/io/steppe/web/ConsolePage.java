package io.steppe.web;

import io.micronaut.core.annotation.Nullable;
import io.steppe.web.account.Account;
import java.util.List;

/**
 * What the console's layout needs to frame a page: its title, the trail from the console's front page to it, who is
 * signed in (no one on the login page, which then has no header), and the script it loads, if any.
 *
 * @param trail the pages between the front page and this one, this one last; empty on the front page itself
 * @param script the path of a script file of Steppe's own; never inline code, which the console's policy forbids
 */
public record ConsolePage(String title, List<Link> trail, @Nullable Account user, @Nullable String script) {

    /** A page of a signed-in account, without a script. */
    public ConsolePage(String title, List<Link> trail, Account user) {
        this(title, trail, user, null);
    }

    /** The same page with a script. */
    public ConsolePage withScript(String path) {
        return new ConsolePage(title, trail, user, path);
    }

    /** A link; one whose {@code href} is null names the page it is on. */
    public record Link(String text, @Nullable String href) {

        /** The trail's last step: the page itself. */
        public static Link here(String text) {
            return new Link(text, null);
        }
    }
}
