package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What {@code /console/vouchers} shows: the form for a new batch (its id drawn now, so that sending the form twice
 * issues it once), the newest batches and vouchers, and what the last revocation did.
 *
 * @param revoked how many vouchers the last revocation revoked, or null when the page follows none
 */
public record VouchersPage(String csrf, String newBatch, Limits limits, List<VoucherListing.Batch> batches, List<VoucherListing.Row> vouchers,
                    @Nullable Integer revoked) {

    /** The form's ranges, each from 1: the console's sheet is smaller than what the CLI may issue at once. */
    public record Limits(int cards, int minutes, int validDays, int devices) {
    }

    /** What a masked code shows: its first two characters. */
    public static String masked(String codeStart) {
        return io.steppe.radius.auth.VoucherRevocation.masked(codeStart);
    }
}
