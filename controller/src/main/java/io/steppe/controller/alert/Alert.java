package io.steppe.controller.alert;

import io.steppe.controller.health.ApState;
import io.steppe.controller.health.Reason;
import io.steppe.controller.health.Words;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An incident: one per AP while it is in trouble (or one per gateway or site when most of its APs are down), whose
 * state and reasons follow the AP's committed ones for as long as it is open. Its words are made when it is read, in
 * the reader's language, from the state and reasons it holds; nothing English is frozen in it.
 *
 * @param key      what deduplicates it: {@code ap:ID}, {@code gateway:NAME:down} or {@code site:NAME:down}
 * @param scope    {@code ap}, {@code gateway} or {@code site}
 * @param subject  the AP id, gateway name or site
 * @param state    the AP's committed state (DOWN for a gateway or site)
 * @param reasons  the AP's committed reasons, or how many of the group's APs are down
 * @param affected APs affected
 * @param flaps    times the AP came back and dropped again since the alert opened
 * @param flapsBase the AP's flaps over its life when the alert opened
 * @param legacy   the English message of an alert stored before alerts kept their reasons
 */
public record Alert(long id, String key, String scope, String subject, ApState state, List<Reason> reasons, int affected, int flaps,
                    int flapsBase, Instant openedAt, Optional<Instant> resolvedAt, Optional<Acknowledgement> acknowledged, Optional<String> legacy) {

    public Alert {
        reasons = List.copyOf(reasons);
    }

    /** Who acknowledged an alert, when, and what they noted. */
    public record Acknowledgement(String by, Instant at, String note) {
    }

    /**
     * What the evaluator wants open now, before it has an id.
     *
     * @param apFlaps the AP's flaps over its life, of which the alert counts those after it opened
     */
    public record Wanted(String key, String scope, String subject, ApState state, List<Reason> reasons, int affected, int apFlaps) {
    }

    /** The primary reason's code, which API clients and the webhook go by. */
    public String reason() {
        return reasons.isEmpty() ? Reason.DOWN : reasons.get(0).code();
    }

    /** The alert in {@code words}: "AP jn-01 DOWN: no heartbeat since … (flapped 3 times)". */
    public String message(Words words) {
        return message(words, subject);
    }

    /** The same, calling the subject {@code called} (an AP by its name as well as its id). */
    public String message(Words words, String called) {
        if (legacy.isPresent()) {
            return legacy.get();
        }
        String why = String.join("; ", reasons.stream().map(r -> r.text(words)).toList());
        if (!scope.equals("ap")) {
            return words.get("Alert." + scope, called, why);
        }
        return words.get("Alert.ap", called, words.of(state), why, flaps == 0 ? "" : words.get("Alert.flaps", flaps));
    }

    boolean isOpen() {
        return resolvedAt.isEmpty();
    }

    Alert following(Wanted wanted) {
        // an alert whose state changes is news again: its acknowledgement no longer holds
        Optional<Acknowledgement> ack = wanted.state() == state ? acknowledged : Optional.empty();
        return new Alert(id, key, scope, subject, wanted.state(), wanted.reasons(), wanted.affected(),
                Math.max(0, wanted.apFlaps() - flapsBase), flapsBase, openedAt, resolvedAt, ack, legacy);
    }

    Alert resolved(Instant at) {
        return new Alert(id, key, scope, subject, state, reasons, affected, flaps, flapsBase, openedAt, Optional.of(at), acknowledged, legacy);
    }
}
