package io.steppe.radius.auth;

/** Decides an Access-Request. Implementations may block on the database; they never run on an event loop. */
public interface AccessPolicy {

    AuthDecision decide(AccessAttempt attempt);
}
