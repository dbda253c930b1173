package io.steppe.ops.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.radius.auth.VoucherTermRefused;
import jakarta.inject.Singleton;

/** The voucher form's term out of the issuer's range: 400 and the page naming the term and its range. */
@Singleton
@Produces
final class VoucherTermRefusedHandler extends ConsoleFormErrorHandler<VoucherTermRefused> {

    VoucherTermRefusedHandler(ConsoleFormRefusedHandler pages) {
        super(pages);
    }

    @Override
    ConsoleFormRefused refusal(VoucherTermRefused refused) {
        return new ConsoleFormRefused(HttpStatus.BAD_REQUEST, "/console/vouchers", "vouchers.range." + refused.term().name(), refused.max());
    }
}
