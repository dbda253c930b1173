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
import io.steppe.radius.packet.AccountingRecord;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
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
import org.jooq.impl.DSL;
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
     * Applies records and commits them, each session's in the order given, in a transaction the store opens on a
     * connection of {@code dsl}'s and ends itself: once this returns they are durable and may be acknowledged, and
     * if it throws none of them may be. Records of different sessions do not touch one another, so the
     * Interim-Updates of sessions that appear once between two Accounting-On/Off (the bulk of accounting) go to the
     * database as one statement ({@link InterimUpdates}), and the rest are applied one by one.
     * <p>
     * When that statement is the last of the batch it carries the COMMIT, in the same round trip: a batch of
     * Interim-Updates alone, the usual case, then costs one round trip instead of two. Only if it finds sessions
     * not open (their Start was lost) does a second transaction follow, to open them. If this throws after the
     * first has committed, applying the records again is harmless, since every operation is idempotent.
     */
    public void commitAll(DSLContext dsl, List<AccountingRecord> records) {
        dsl.connection(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (!applyAll(dsl.configuration().derive(c).dsl(), c, records)) {
                    c.commit();
                }
                c.setAutoCommit(autoCommit);
            } catch (Throwable failure) {
                try {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    failure.addSuppressed(e);
                }
                throw failure;
            }
        });
    }

    /** @return whether the transaction has ended already: its last statement carried the COMMIT */
    private boolean applyAll(DSLContext tx, Connection c, List<AccountingRecord> records) throws SQLException {
        int from = 0;
        for (int i = 0; i < records.size(); i++) {
            AccountingRecord.Kind kind = records.get(i).kind();
            if (kind.isGatewayEvent()) {
                applyBetweenRestarts(tx, c, records.subList(from, i), false);
                apply(tx, records.get(i));
                from = i + 1;
            }
        }
        return applyBetweenRestarts(tx, c, records.subList(from, records.size()), true);
    }

    /** @param last whether nothing follows: the transaction may end with these records */
    private boolean applyBetweenRestarts(DSLContext tx, Connection c, List<AccountingRecord> records, boolean last)
            throws SQLException {
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
        if (lone.isEmpty()) {
            return false;
        }
        // even one alone: at a few hundred records a second most batches are one
        if (InterimUpdates.apply(c, lone, last) == lone.size()) {
            return last;
        }
        openLost(tx, lone);
        return false;
    }

    /** Opens the sessions of Interim-Updates that found theirs not open: the Start was lost. */
    private void openLost(DSLContext tx, List<AccountingRecord> interims) {
        Set<String> open = new HashSet<>(tx.select(RADIUS_SESSION_OPEN.UNIQUE_ID).from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.UNIQUE_ID.in(interims.stream().map(AccountingRecord::uniqueId).toList()))
                .fetch(RADIUS_SESSION_OPEN.UNIQUE_ID));
        for (AccountingRecord r : interims) {
            if (!open.contains(r.uniqueId())) {
                openIfNotClosed(tx, r);
            }
        }
    }

    private void apply(DSLContext tx, AccountingRecord r) {
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
