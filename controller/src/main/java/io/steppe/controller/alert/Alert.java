package io.steppe.controller.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * An incident.
 *
 * @param key      what deduplicates it: {@code ap:ID:REASON}, {@code gateway:NAME:down} or {@code site:NAME:down}
 * @param scope    {@code ap}, {@code gateway} or {@code site}
 * @param subject  the AP id, gateway name or site
 * @param reason   the reason code ({@link io.steppe.controller.health.Reason}) or {@code down}
 * @param affected APs affected
 * @param flaps    times the AP came back and dropped again during the incident
 */
public record Alert(long id, String key, String scope, String subject, String reason, String message, int affected, int flaps,
                    Instant openedAt, Optional<Instant> resolvedAt) {

    /** What the evaluator wants open now, before it has an id. */
    public record Wanted(String key, String scope, String subject, String reason, String message, int affected, int flaps) {
    }

    Alert updated(Wanted wanted) {
        return new Alert(id, key, scope, subject, reason, wanted.message(), wanted.affected(), wanted.flaps(), openedAt, resolvedAt);
    }

    Alert resolved(Instant at) {
        return new Alert(id, key, scope, subject, reason, message, affected, flaps, openedAt, Optional.of(at));
    }
}
