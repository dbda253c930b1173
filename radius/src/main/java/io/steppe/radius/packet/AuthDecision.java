package io.steppe.radius.packet;

import java.util.Objects;

/** The answer to an Access-Request. */
public sealed interface AuthDecision {

    /**
     * Access granted.
     *
     * @param subscriberId     whose allowance the session is charged to
     * @param sessionTimeout   seconds left of the allowance (Session-Timeout)
     * @param remainingOctets  octets left of the allowance
     * @param grant            the policy figures every accept carries
     */
    record Accept(long subscriberId, long sessionTimeout, long remainingOctets, SessionGrant grant) implements AuthDecision {
    }

    /** Access refused; {@code language} chooses the Reply-Message. */
    record Reject(RejectReason reason, String language) implements AuthDecision {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
