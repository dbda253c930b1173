package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What {@code /console/audit} shows: the filters as typed, the entries, the link to the older ones when there may be
 * more, and the same entries' CSV.
 *
 * @param older the address of the next, older entries, or null when these are the last
 */
public record AuditPage(Filters filters, List<Row> rows, @Nullable String older, String csv) {

    /** The filters as the form shows them back. */
    public record Filters(String from, String to, String actor, String action) {
    }

    /** One entry, its action in the reader's words where the bundle has them. */
    public record Row(long id, java.time.Instant at, String actor, String source, String action, String actionText, String subject, String details) {
    }
}
