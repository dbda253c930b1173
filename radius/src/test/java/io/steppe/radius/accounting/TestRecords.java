package io.steppe.radius.accounting;

import io.steppe.db.keys.TestKeys;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.packet.AccountingRecord;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** Accounting records of one gateway, with counters that grow with the session's time. */
record TestRecords(long nasId) {

    /** Registers a gateway on 127.0.0.1 in {@code dsl}'s database and makes records of it. */
    static TestRecords ofNewGateway(DSLContext dsl) {
        NasRepository gateways = new NasRepository(dsl, TestKeys.fixed());
        gateways.add(Nas.of("gw", NasAddress.parse("127.0.0.1"), "secret-secret"), "test");
        return new TestRecords(gateways.listRegistered().get(0).id());
    }

    AccountingRecord of(AccountingRecord.Kind kind, String session, Instant at, long seconds, Integer interim) {
        return new AccountingRecord(kind, nasId, InetAddress.getLoopbackAddress(), session, "u-" + session, "user", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at, seconds, seconds * 100,
                seconds * 1000, Optional.ofNullable(interim), kind == AccountingRecord.Kind.STOP ? Optional.of("Idle-Timeout") : Optional.empty());
    }
}
