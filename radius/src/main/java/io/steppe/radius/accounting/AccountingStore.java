package io.steppe.radius.accounting;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.REMEMBERED_DEVICE;
import static io.steppe.db.schema.Tables.VOUCHER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.steppe.db.keys.SecretKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.db.schema.tables.records.RadiusSessionOpenRecord;
import java.net.InetAddress;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.types.Inet;

/**
 * Applies accounting records to the session tables. Every operation is idempotent and order-tolerant:
 * a retransmitted Start inserts nothing, counters only grow, and a late Interim-Update or Start never
 * reopens a session that a Stop has closed.
 */
public final class AccountingStore {

    /** How far back a closed session is looked for when deciding that a record is late. */
    private static final Duration LATE_WINDOW = Duration.ofDays(2);

    private final SecretKeys keys;

    /** @param keys what voucher codes are hashed with, to find a session's voucher by its user name */
    public AccountingStore(SecretKeys keys) {
        this.keys = keys;
    }

    /**
     * Applies records in the caller's transaction, each session's in the order given. Records of different
     * sessions do not touch one another, so the Interim-Updates of sessions that appear once between two
     * Accounting-On/Off (the bulk of accounting) go to the database as one statement over arrays of their
     * values, and the rest are applied one by one.
     * <p>
     * That statement also commits, in the same round trip, what the transaction has done so far: a batch of
     * Interim-Updates alone, the usual case, then costs one round trip instead of two. Whatever follows it runs
     * in a new transaction, which the caller's commit ends. A record must not be acknowledged before the caller's
     * commit returns; if the transaction fails after the early commit, applying the records again is harmless,
     * since every operation is idempotent.
     */
    public void applyAll(DSLContext tx, List<AccountingRecord> records) {
        int from = 0;
        for (int i = 0; i < records.size(); i++) {
            AccountingRecord.Kind kind = records.get(i).kind();
            if (kind == AccountingRecord.Kind.ACCOUNTING_ON || kind == AccountingRecord.Kind.ACCOUNTING_OFF) {
                applyBetweenRestarts(tx, records.subList(from, i));
                apply(tx, records.get(i));
                from = i + 1;
            }
        }
        applyBetweenRestarts(tx, records.subList(from, records.size()));
    }

    private void applyBetweenRestarts(DSLContext tx, List<AccountingRecord> records) {
        Map<String, Integer> perSession = new HashMap<>();
        records.forEach(r -> perSession.merge(r.uniqueId(), 1, Integer::sum));
        List<AccountingRecord> lone = new ArrayList<>(records.size());
        for (AccountingRecord r : records) {
            if (r.kind() == AccountingRecord.Kind.INTERIM_UPDATE && perSession.get(r.uniqueId()) == 1) {
                lone.add(r);
            } else {
                apply(tx, r);
            }
        }
        if (!lone.isEmpty()) {
            updateAll(tx, lone); // even one alone: at a few hundred records a second most batches are one
        }
    }

    /**
     * The bulk Interim-Update, with the six arrays of {@link #updateAll} as its parameters, between a setting and
     * the early commit {@link #applyAll} describes. The setting finds each session through the primary key, never
     * by a scan of the whole table: a plan made while the table was near empty (after a restart) would otherwise
     * scan it for every batch until the next ANALYZE. It lasts until that commit (every other statement of a batch
     * goes by an index anyway), and sent with the update it costs no round trip of its own. Rendered once: jOOQ
     * renders and binds a statement anew for every execution, and that was half of the writer thread's time.
     */
    private static final String UPDATE_INTERIMS = renderer().renderInlined(DSL.setLocal(DSL.name("enable_seqscan"), DSL.inline("off")))
            + ";\n" + renderer().render(
            DSL.update(RADIUS_SESSION_OPEN)
                    .set(RADIUS_SESSION_OPEN.SESSION_TIME, greatest(RADIUS_SESSION_OPEN.SESSION_TIME, DSL.field(DSL.name("v", "t"), Long.class)))
                    .set(RADIUS_SESSION_OPEN.INPUT_OCTETS, greatest(RADIUS_SESSION_OPEN.INPUT_OCTETS, DSL.field(DSL.name("v", "i"), Long.class)))
                    .set(RADIUS_SESSION_OPEN.OUTPUT_OCTETS, greatest(RADIUS_SESSION_OPEN.OUTPUT_OCTETS, DSL.field(DSL.name("v", "o"), Long.class)))
                    .set(RADIUS_SESSION_OPEN.UPDATED_AT, greatest(RADIUS_SESSION_OPEN.UPDATED_AT,
                            DSL.field(DSL.name("v", "at"), RADIUS_SESSION_OPEN.UPDATED_AT.getDataType())))
                    .set(RADIUS_SESSION_OPEN.FRAMED_IP, coalesce(DSL.field(DSL.name("v", "ip"), RADIUS_SESSION_OPEN.FRAMED_IP.getDataType()),
                            RADIUS_SESSION_OPEN.FRAMED_IP))
                    // jOOQ has no multi-array unnest; the generated columns still name every target.
                    .from(DSL.table("unnest({0}, {1}, {2}, {3}, {4}::timestamptz[], {5}::inet[])",
                                    DSL.param("u", SQLDataType.CLOB.array()), DSL.param("t", SQLDataType.BIGINT.array()),
                                    DSL.param("i", SQLDataType.BIGINT.array()), DSL.param("o", SQLDataType.BIGINT.array()),
                                    DSL.param("at", SQLDataType.CLOB.array()), DSL.param("ip", SQLDataType.CLOB.array()))
                            .as("v", "u", "t", "i", "o", "at", "ip"))
                    .where(RADIUS_SESSION_OPEN.UNIQUE_ID.eq(DSL.field(DSL.name("v", "u"), RADIUS_SESSION_OPEN.UNIQUE_ID.getDataType()))))
            + ";\n" + renderer().render(DSL.commit());

    private static DSLContext renderer() {
        return DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false));
    }

    /** Interim-Updates of distinct sessions, in one statement however many there are. */
    private void updateAll(DSLContext tx, List<AccountingRecord> records) {
        int n = records.size();
        String[] ids = new String[n];
        Long[] times = new Long[n];
        Long[] inputs = new Long[n];
        Long[] outputs = new Long[n];
        String[] at = new String[n];
        String[] ips = new String[n];
        for (int i = 0; i < n; i++) {
            AccountingRecord r = records.get(i);
            ids[i] = r.uniqueId();
            times[i] = r.sessionTime();
            inputs[i] = r.inputOctets();
            outputs[i] = r.outputOctets();
            at[i] = r.eventTime().toString();
            ips[i] = r.framedIp().map(InetAddress::getHostAddress).orElse(null);
        }
        int updated = tx.connectionResult(c -> {
            try (PreparedStatement update = c.prepareStatement(UPDATE_INTERIMS)) {
                update.setArray(1, c.createArrayOf("text", ids));
                update.setArray(2, c.createArrayOf("int8", times));
                update.setArray(3, c.createArrayOf("int8", inputs));
                update.setArray(4, c.createArrayOf("int8", outputs));
                update.setArray(5, c.createArrayOf("text", at));
                update.setArray(6, c.createArrayOf("text", ips));
                update.execute(); // the setting's (empty) result, the update's count, then the commit's
                update.getMoreResults();
                return update.getUpdateCount();
            }
        });
        if (updated == n) {
            return;
        }
        Set<String> open = new HashSet<>(tx.select(RADIUS_SESSION_OPEN.UNIQUE_ID).from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.UNIQUE_ID.in(ids)).fetch(RADIUS_SESSION_OPEN.UNIQUE_ID));
        for (AccountingRecord r : records) {
            if (!open.contains(r.uniqueId())) {
                openIfNotClosed(tx, r); // an Interim-Update for a session whose Start was lost
            }
        }
    }

    /** Applies one record within the caller's transaction. */
    public void apply(DSLContext tx, AccountingRecord r) {
        switch (r.kind()) {
            case START -> openIfNotClosed(tx, r);
            case INTERIM_UPDATE -> {
                if (update(tx, r) == 0) {
                    openIfNotClosed(tx, r);
                }
            }
            case STOP -> stop(tx, r);
            case ACCOUNTING_ON -> closeWhere(tx, RADIUS_SESSION_OPEN.NAS_ID.eq(r.nasId()), r.eventTime(), "NAS-Reboot");
            case ACCOUNTING_OFF -> closeWhere(tx, RADIUS_SESSION_OPEN.NAS_ID.eq(r.nasId()), r.eventTime(), "NAS-Request");
            default -> throw new IllegalStateException("unhandled " + r.kind());
        }
    }

    /**
     * Closes open sessions that have sent nothing for twice their interim interval plus {@code grace}: the
     * gateway rebooted or lost power without a Stop, and the session would block its subscriber's devices.
     *
     * @return how many were closed
     */
    public int closeStale(DSLContext tx, Instant now, int defaultInterimSeconds, Duration grace) {
        Condition stale = DSL.condition("{0} < {1} - make_interval(secs => 2 * coalesce({2}, {3}) + {4})",
                RADIUS_SESSION_OPEN.UPDATED_AT, val(utc(now)), RADIUS_SESSION_OPEN.INTERIM_INTERVAL,
                val(defaultInterimSeconds), val((int) grace.toSeconds()));
        return closeWhere(tx, stale, null, "Stale-Session");
    }

    private int update(DSLContext tx, AccountingRecord r) {
        return tx.update(RADIUS_SESSION_OPEN)
                .set(RADIUS_SESSION_OPEN.SESSION_TIME, greatest(RADIUS_SESSION_OPEN.SESSION_TIME, val(r.sessionTime())))
                .set(RADIUS_SESSION_OPEN.INPUT_OCTETS, greatest(RADIUS_SESSION_OPEN.INPUT_OCTETS, val(r.inputOctets())))
                .set(RADIUS_SESSION_OPEN.OUTPUT_OCTETS, greatest(RADIUS_SESSION_OPEN.OUTPUT_OCTETS, val(r.outputOctets())))
                .set(RADIUS_SESSION_OPEN.UPDATED_AT, greatest(RADIUS_SESSION_OPEN.UPDATED_AT, val(utc(r.eventTime()))))
                .set(RADIUS_SESSION_OPEN.FRAMED_IP, coalesce(val(inet(r.framedIp()), RADIUS_SESSION_OPEN.FRAMED_IP.getDataType()), RADIUS_SESSION_OPEN.FRAMED_IP))
                .where(RADIUS_SESSION_OPEN.UNIQUE_ID.eq(r.uniqueId()))
                .execute();
    }

    private void openIfNotClosed(DSLContext tx, AccountingRecord r) {
        OffsetDateTime started = utc(r.eventTime().minusSeconds(r.sessionTime()));
        tx.insertInto(RADIUS_SESSION_OPEN,
                        RADIUS_SESSION_OPEN.UNIQUE_ID, RADIUS_SESSION_OPEN.SESSION_ID, RADIUS_SESSION_OPEN.NAS_ID,
                        RADIUS_SESSION_OPEN.NAS_ADDRESS, RADIUS_SESSION_OPEN.USERNAME, RADIUS_SESSION_OPEN.SUBSCRIBER_ID,
                        RADIUS_SESSION_OPEN.AP_MAC, RADIUS_SESSION_OPEN.SSID, RADIUS_SESSION_OPEN.CLIENT_MAC,
                        RADIUS_SESSION_OPEN.FRAMED_IP, RADIUS_SESSION_OPEN.CLASS, RADIUS_SESSION_OPEN.STARTED_AT,
                        RADIUS_SESSION_OPEN.UPDATED_AT, RADIUS_SESSION_OPEN.SESSION_TIME, RADIUS_SESSION_OPEN.INPUT_OCTETS,
                        RADIUS_SESSION_OPEN.OUTPUT_OCTETS, RADIUS_SESSION_OPEN.INTERIM_INTERVAL)
                .select(select(val(r.uniqueId()), val(r.sessionId()), val(r.nasId()), val(inet(r.nasAddress()), RADIUS_SESSION_OPEN.NAS_ADDRESS.getDataType()),
                        val(r.userName()), r.subscriberId().<Field<Long>>map(DSL::val).orElseGet(() -> subscriberOf(r)),
                        val(mac(r.apMac())), val(r.ssid().orElse(null)), val(mac(r.clientMac())), val(inet(r.framedIp()), RADIUS_SESSION_OPEN.FRAMED_IP.getDataType()),
                        val(r.classValue().orElse(null)), val(started, RADIUS_SESSION_OPEN.STARTED_AT.getDataType()),
                        val(utc(r.eventTime()), RADIUS_SESSION_OPEN.UPDATED_AT.getDataType()), val(r.sessionTime()),
                        val(r.inputOctets()), val(r.outputOctets()), val(r.interimInterval().orElse(null)))
                        .whereNotExists(closed(r, started)))
                .onConflict(RADIUS_SESSION_OPEN.UNIQUE_ID).doNothing()
                .execute();
    }

    private void stop(DSLContext tx, AccountingRecord r) {
        List<RadiusSessionOpenRecord> open = tx.deleteFrom(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.UNIQUE_ID.eq(r.uniqueId())).returning().fetch();
        String cause = r.terminateCause().orElse("Unknown");
        if (!open.isEmpty()) {
            RadiusSessionOpenRecord o = open.get(0);
            o.setSessionTime(Math.max(o.getSessionTime(), r.sessionTime()));
            o.setInputOctets(Math.max(o.getInputOctets(), r.inputOctets()));
            o.setOutputOctets(Math.max(o.getOutputOctets(), r.outputOctets()));
            OffsetDateTime stopped = utc(r.eventTime());
            o.setUpdatedAt(stopped.isAfter(o.getUpdatedAt()) ? stopped : o.getUpdatedAt());
            insertClosed(tx, o, o.getUpdatedAt(), cause).execute();
            return;
        }
        // A Stop without a Start: record the session from the Stop alone, unless it was recorded already.
        OffsetDateTime started = utc(r.eventTime().minusSeconds(r.sessionTime()));
        if (tx.fetchExists(closed(r, started))) {
            return;
        }
        RadiusSessionOpenRecord o = new RadiusSessionOpenRecord();
        o.setUniqueId(r.uniqueId());
        o.setSessionId(r.sessionId());
        o.setNasId(r.nasId());
        o.setNasAddress(inet(r.nasAddress()));
        o.setUsername(r.userName());
        o.setSubscriberId(r.subscriberId().orElseGet(() -> tx.select(subscriberOf(r)).fetchOne().value1()));
        o.setApMac(mac(r.apMac()));
        o.setSsid(r.ssid().orElse(null));
        o.setClientMac(mac(r.clientMac()));
        o.setFramedIp(inet(r.framedIp()));
        o.setClass_(r.classValue().orElse(null));
        o.setStartedAt(started);
        o.setUpdatedAt(utc(r.eventTime()));
        o.setSessionTime(r.sessionTime());
        o.setInputOctets(r.inputOctets());
        o.setOutputOctets(r.outputOctets());
        insertClosed(tx, o, o.getUpdatedAt(), cause).execute();
    }

    /** Moves the open sessions matching {@code which} to the closed table; {@code stoppedAt} null means "when last heard of". */
    private int closeWhere(DSLContext tx, Condition which, Instant stoppedAt, String cause) {
        List<RadiusSessionOpenRecord> open = tx.deleteFrom(RADIUS_SESSION_OPEN).where(which).returning().fetch();
        if (open.isEmpty()) {
            return 0;
        }
        List<Query> inserts = new ArrayList<>(open.size());
        for (RadiusSessionOpenRecord o : open) {
            OffsetDateTime stopped = stoppedAt == null ? o.getUpdatedAt() : utc(stoppedAt);
            inserts.add(insertClosed(tx, o, stopped.isBefore(o.getUpdatedAt()) ? o.getUpdatedAt() : stopped, cause));
        }
        tx.batch(inserts).execute();
        return open.size();
    }

    private static Query insertClosed(DSLContext tx, RadiusSessionOpenRecord o, OffsetDateTime stoppedAt, String cause) {
        return tx.insertInto(RADIUS_SESSION)
                .set(RADIUS_SESSION.UNIQUE_ID, o.getUniqueId())
                .set(RADIUS_SESSION.SESSION_ID, o.getSessionId())
                .set(RADIUS_SESSION.NAS_ID, o.getNasId())
                .set(RADIUS_SESSION.NAS_ADDRESS, o.getNasAddress())
                .set(RADIUS_SESSION.USERNAME, o.getUsername())
                .set(RADIUS_SESSION.SUBSCRIBER_ID, o.getSubscriberId())
                .set(RADIUS_SESSION.AP_MAC, o.getApMac())
                .set(RADIUS_SESSION.SSID, o.getSsid())
                .set(RADIUS_SESSION.CLIENT_MAC, o.getClientMac())
                .set(RADIUS_SESSION.FRAMED_IP, o.getFramedIp())
                .set(RADIUS_SESSION.CLASS, o.getClass_())
                .set(RADIUS_SESSION.STARTED_AT, o.getStartedAt())
                .set(RADIUS_SESSION.UPDATED_AT, o.getUpdatedAt())
                .set(RADIUS_SESSION.STOPPED_AT, stoppedAt)
                .set(RADIUS_SESSION.SESSION_TIME, o.getSessionTime())
                .set(RADIUS_SESSION.INPUT_OCTETS, o.getInputOctets())
                .set(RADIUS_SESSION.OUTPUT_OCTETS, o.getOutputOctets())
                .set(RADIUS_SESSION.TERMINATE_CAUSE, cause);
    }

    private static org.jooq.Select<?> closed(AccountingRecord r, OffsetDateTime started) {
        return selectOne().from(RADIUS_SESSION).where(RADIUS_SESSION.UNIQUE_ID.eq(r.uniqueId()))
                .and(RADIUS_SESSION.STARTED_AT.ge(started.minus(LATE_WINDOW)));
    }

    /** The subscriber of a session whose gateway did not echo Class: by credential, voucher, or MAC remembered on its gateway. */
    private Field<Long> subscriberOf(AccountingRecord r) {
        return coalesce(
                select(LOGIN_CREDENTIAL.SUBSCRIBER_ID).from(LOGIN_CREDENTIAL).where(LOGIN_CREDENTIAL.USERNAME.eq(r.userName())).asField(),
                select(VOUCHER.SUBSCRIBER_ID).from(VOUCHER).where(VOUCHER.CODE_HASH.eq(keys.voucherHash(r.userName().trim().toUpperCase(Locale.ROOT)))).asField(),
                select(REMEMBERED_DEVICE.SUBSCRIBER_ID).from(REMEMBERED_DEVICE)
                        .where(REMEMBERED_DEVICE.MAC.eq(r.clientMac().map(MacAddress::toString).orElse("")))
                        .and(REMEMBERED_DEVICE.NAS_ID.eq(r.nasId())).asField(),
                inline((Long) null));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Inet inet(InetAddress address) {
        return Inet.valueOf(address);
    }

    private static Inet inet(Optional<InetAddress> address) {
        return address.map(Inet::valueOf).orElse(null);
    }

    private static String mac(Optional<MacAddress> mac) {
        return mac.map(MacAddress::toString).orElse(null);
    }
}
