package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import io.steppe.web.account.Account;
import io.steppe.web.account.Role;
import java.time.Instant;
import java.util.List;

/**
 * What {@code /console/accounts} shows: every console account with its role and last sign-in, the forms that change
 * them, and what the last change did.
 *
 * @param self the signed-in admin, whose own role and account the page does not offer to take away
 * @param done the key of what the last change did, or null
 */
public record AccountsPage(String csrf, String self, List<Row> accounts, List<Role> roles, @Nullable String done) {

    /** One account; {@code lastSignIn} is null when no session of it is kept. */
    public record Row(Account account, @Nullable Instant lastSignIn) {
    }
}
