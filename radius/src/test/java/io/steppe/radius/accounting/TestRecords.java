package io.steppe.radius.accounting;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/** Accounting records of one gateway, with counters that grow with the session's time. */
record TestRecords(long nasId) {

    AccountingRecord of(AccountingRecord.Kind kind, String session, Instant at, long seconds, Integer interim) {
        return new AccountingRecord(kind, nasId, InetAddress.getLoopbackAddress(), session, "u-" + session, "user", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at, seconds, seconds * 100,
                seconds * 1000, Optional.ofNullable(interim), kind == AccountingRecord.Kind.STOP ? Optional.of("Idle-Timeout") : Optional.empty());
    }
}
