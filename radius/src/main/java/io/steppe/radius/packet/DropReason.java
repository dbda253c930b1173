package io.steppe.radius.packet;

import java.util.Locale;

/** Why a datagram was dropped without an answer; each is counted separately. */
public enum DropReason {
    /** Shorter than the 20-octet header, longer than 4096 octets, or shorter than its own Length field (RFC 2865 §3). */
    MALFORMED_LENGTH,
    /** An attribute whose length is below 2 or runs past the packet (RFC 2865 §5). */
    MALFORMED_ATTRIBUTE,
    /** A code this port does not serve. */
    UNEXPECTED_CODE,
    /** The source address belongs to no registered gateway. */
    UNKNOWN_CLIENT,
    /**
     * The Request Authenticator or Message-Authenticator does not match the shared secret; to a client, a reply whose
     * Response Authenticator does not answer the request it sent.
     */
    BAD_AUTHENTICATOR,
    /** Message-Authenticator is required for this gateway (BlastRADIUS) but absent. */
    MISSING_MESSAGE_AUTHENTICATOR,
    /** Proxy-State without Message-Authenticator from a gateway with limit_proxy_state. */
    PROXY_STATE_WITHOUT_MESSAGE_AUTHENTICATOR,
    /** A retransmission of a request still being processed (RFC 5080 §2.2.2). */
    DUPLICATE_IN_FLIGHT,
    /** The request could not be decoded (a required attribute is missing or unreadable). */
    UNDECODABLE,
    /**
     * A text attribute that would reach the database (User-Name, Acct-Session-Id) holds a NUL, a control character
     * or octets that are not UTF-8 (RFC 8044 §3.4): bad input from the gateway, not a database failure.
     */
    INVALID_TEXT,
    /**
     * The database refused an accounting record's values (a data error, SQLSTATE class 22 or 23, not an outage): the
     * record alone is not acknowledged, the rest of its batch is saved.
     */
    REFUSED_BY_DATABASE,
    /** Too many requests waiting for the database; the gateway will retransmit. */
    OVERLOAD,
    /** The database failed; nothing was acknowledged, so the gateway will retransmit. */
    DATABASE_ERROR;

    /** The label used in metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
