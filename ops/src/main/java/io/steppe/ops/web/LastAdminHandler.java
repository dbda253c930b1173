package io.steppe.ops.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.web.account.LastAdmin;
import jakarta.inject.Singleton;

/** A change on the accounts page that would leave no admin: 409 and the page saying so. */
@Singleton
@Produces
final class LastAdminHandler extends ConsoleFormErrorHandler<LastAdmin> {

    LastAdminHandler(ConsoleFormRefusedHandler pages) {
        super(pages);
    }

    @Override
    ConsoleFormRefused refusal(LastAdmin refused) {
        return new ConsoleFormRefused(HttpStatus.CONFLICT, "/console/accounts", "accounts.error.lastAdmin");
    }
}
