package io.steppe.radius.auth;

import io.steppe.radius.packet.AccessAttempt;
import io.steppe.radius.packet.AuthDecision;
import java.util.Optional;

/** Decides an Access-Request. */
public interface AccessPolicy {

    /**
     * The decision when it can be made from memory alone, without reading or writing the database; it is
     * then made on the event loop that received the request. Empty sends the request to {@link #decide}.
     */
    default Optional<AuthDecision> decideFromMemory(AccessAttempt attempt) {
        return Optional.empty();
    }

    /** The decision, which may block on the database: never called on an event loop. */
    AuthDecision decide(AccessAttempt attempt);
}
