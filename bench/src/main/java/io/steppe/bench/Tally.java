package io.steppe.bench;

/**
 * Counts of what happened to the requests sent in the measured period, and to replies that matched none.
 * Mutable, owned by one event loop; {@link BenchResult} is its immutable copy.
 */
final class Tally {

    long sent;
    long accepted;
    long rejected;
    long accountingResponses;
    long otherReplies;
    long lost;
    /** Rate mode: requests due while the window was full, not sent (the server fell behind). */
    long behind;
    /** Replies whose Response Authenticator is wrong: another secret, or a stale reply to a reused identifier. */
    long invalid;
    /** Replies for no outstanding request: duplicates, or answers after the timeout. */
    long unmatched;
    /** Datagrams too short or with a bad Length field, and socket errors such as ICMP port unreachable. */
    long errors;

    void answered(int code) {
        switch (code) {
            case 2 -> accepted++;
            case 3 -> rejected++;
            case 5 -> accountingResponses++;
            default -> otherReplies++;
        }
    }

    long answered() {
        return accepted + rejected + accountingResponses + otherReplies;
    }
}
