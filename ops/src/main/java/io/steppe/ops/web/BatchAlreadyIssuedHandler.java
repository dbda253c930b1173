package io.steppe.ops.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.radius.auth.BatchAlreadyIssued;
import jakarta.inject.Singleton;

/**
 * The voucher form sent again (a reload of the sheet): its batch was issued and its codes shown once, so 409 and a
 * page saying so, leading to the list, where a lost sheet's batch can be revoked.
 */
@Singleton
@Produces
final class BatchAlreadyIssuedHandler extends ConsoleFormErrorHandler<BatchAlreadyIssued> {

    BatchAlreadyIssuedHandler(ConsoleFormRefusedHandler pages) {
        super(pages);
    }

    @Override
    ConsoleFormRefused refusal(BatchAlreadyIssued refused) {
        return new ConsoleFormRefused(HttpStatus.CONFLICT, "/console/vouchers", "vouchers.batch.again");
    }
}
