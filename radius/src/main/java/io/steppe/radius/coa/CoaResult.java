package io.steppe.radius.coa;

import java.util.OptionalInt;

/**
 * What a gateway answered.
 *
 * @param outcome    ACK, NAK or no answer at all
 * @param errorCause Error-Cause of a NAK (RFC 5176 §3.6), e.g. 503 Session-Context-Not-Found
 * @param attempts   how many times the request was sent
 */
public record CoaResult(Outcome outcome, OptionalInt errorCause, int attempts) {

    public enum Outcome { ACK, NAK, TIMEOUT }

    /** The value stored in {@code coa_request.result}. */
    public String value() {
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }
}
