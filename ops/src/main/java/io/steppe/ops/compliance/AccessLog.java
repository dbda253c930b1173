package io.steppe.ops.compliance;

import static io.steppe.db.schema.Tables.ACCESS_POINT;
import static io.steppe.db.schema.Tables.NAS;
import static io.steppe.db.schema.Tables.PHONE_IDENTITY;
import static io.steppe.db.schema.Tables.RADIUS_SESSION;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static io.steppe.db.schema.Tables.VOUCHER;
import static org.jooq.impl.DSL.select;

import io.steppe.db.AuditLog;
import io.steppe.db.keys.SecretKeys;
import io.steppe.portal.sms.PhoneVault;
import io.steppe.web.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.Inet;

/**
 * The real-name access log: one CSV row per session that overlaps a span, closed ({@code radius_session}) or still
 * open ({@code radius_session_open}), with the identity behind it, written and audited in one transaction.
 *
 * <p>A closed session overlaps when it started at or before {@code to} and stopped at or after {@code from}. The
 * closed table is partitioned by month of the start, and its indexes lead with the address, MAC or subscriber and then
 * the start; so that PostgreSQL reads only the partitions and index ranges that can hold an answer, the start is also
 * bounded below, by {@code from} minus {@link #LONGEST_SESSION}. A session that lasted longer than that and ended in
 * the span is not found: Steppe grants at most a day's allowance a session (Session-Timeout) and closes sessions
 * whose gateway stopped reporting, so a week is a wide margin.
 */
public final class AccessLog {

    /** The longest session the log expects; see the class comment. */
    public static final Duration LONGEST_SESSION = Duration.ofDays(7);

    /** The audit log's action for an export. */
    public static final String ACTION = "compliance.export";

    /** How an export was asked for, as the audit log and the exports counter tell them apart. */
    public enum Via {
        CLI, API;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final List<String> HEADER = List.of("identity_kind", "identity", "voucher_batch", "radius_user", "client_mac", "ip",
            "gateway", "gateway_address", "ap", "ap_name", "ap_mac", "ssid", "login", "logout", "bytes_in", "bytes_out",
            "terminate_cause", "session");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final Table<?> SESSION = DSL.table(DSL.name("s"));

    private final DSLContext dsl;
    private final PhoneVault phones;
    private final SecretKeys keys;
    private final ZoneId zone;

    public AccessLog(DSLContext dsl, PhoneVault phones, SecretKeys keys, ZoneId zone) {
        this.dsl = dsl;
        this.phones = phones;
        this.keys = keys;
        this.zone = zone;
    }

    /**
     * Writes the sessions {@code request} asks for to {@code out} as CSV and records the export, who asked, why and
     * how many rows, in the audit log; nothing is recorded if writing fails.
     *
     * @param details what the audit entry adds about the asking (such as the file written)
     * @return how many sessions were written
     */
    public int export(AccessLogRequest request, Writer out, String actor, Via via, Map<String, ?> details) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            int rows = 0;
            try {
                out.write(Csv.row(HEADER));
                try (var cursor = sessions(tx, request).fetchSize(1000).fetchLazy()) {
                    for (Record r : cursor) {
                        out.write(Csv.row(row(r, request)));
                        rows++;
                    }
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Object> audit = new LinkedHashMap<>(details);
            audit.put("via", via.label());
            audit.put("reason", request.reason());
            audit.put("from", time(request.from()));
            audit.put("to", time(request.to()));
            request.who().ifPresent(w -> audit.put(w.kind().parameter(), w.redacted()));
            audit.put("rows", rows);
            AuditLog.record(tx, actor, ACTION, request.who().map(w -> w.kind().parameter() + " " + w.redacted()).orElse("all sessions"), audit);
            return rows;
        });
    }

    /**
     * The sessions {@code request} asks for with what each row shows, oldest login first: a query, so that the
     * benchmark can show its plan.
     */
    public Select<Record> sessions(DSLContext tx, AccessLogRequest request) {
        Condition closedWho = who(tx, request.who(), RADIUS_SESSION.SUBSCRIBER_ID, RADIUS_SESSION.CLIENT_MAC, RADIUS_SESSION.FRAMED_IP);
        Condition openWho = who(tx, request.who(), RADIUS_SESSION_OPEN.SUBSCRIBER_ID, RADIUS_SESSION_OPEN.CLIENT_MAC, RADIUS_SESSION_OPEN.FRAMED_IP);
        OffsetDateTime from = utc(request.from());
        OffsetDateTime to = utc(request.to());
        var closed = select(RADIUS_SESSION.UNIQUE_ID, RADIUS_SESSION.USERNAME, RADIUS_SESSION.SUBSCRIBER_ID, RADIUS_SESSION.CLIENT_MAC,
                RADIUS_SESSION.FRAMED_IP, RADIUS_SESSION.NAS_ID, RADIUS_SESSION.NAS_ADDRESS, RADIUS_SESSION.AP_MAC, RADIUS_SESSION.SSID,
                RADIUS_SESSION.STARTED_AT, RADIUS_SESSION.STOPPED_AT, RADIUS_SESSION.INPUT_OCTETS, RADIUS_SESSION.OUTPUT_OCTETS,
                RADIUS_SESSION.TERMINATE_CAUSE)
                .from(RADIUS_SESSION)
                .where(RADIUS_SESSION.STARTED_AT.le(to), RADIUS_SESSION.STARTED_AT.ge(from.minus(LONGEST_SESSION)),
                        RADIUS_SESSION.STOPPED_AT.ge(from), closedWho);
        var open = select(RADIUS_SESSION_OPEN.UNIQUE_ID, RADIUS_SESSION_OPEN.USERNAME, RADIUS_SESSION_OPEN.SUBSCRIBER_ID,
                RADIUS_SESSION_OPEN.CLIENT_MAC, RADIUS_SESSION_OPEN.FRAMED_IP, RADIUS_SESSION_OPEN.NAS_ID, RADIUS_SESSION_OPEN.NAS_ADDRESS,
                RADIUS_SESSION_OPEN.AP_MAC, RADIUS_SESSION_OPEN.SSID, RADIUS_SESSION_OPEN.STARTED_AT,
                DSL.castNull(RADIUS_SESSION.STOPPED_AT), RADIUS_SESSION_OPEN.INPUT_OCTETS, RADIUS_SESSION_OPEN.OUTPUT_OCTETS,
                DSL.castNull(RADIUS_SESSION.TERMINATE_CAUSE))
                .from(RADIUS_SESSION_OPEN)
                .where(RADIUS_SESSION_OPEN.STARTED_AT.le(to), openWho);
        Table<?> s = closed.unionAll(open).asTable(SESSION.getName());
        Field<Long> subscriber = s.field(RADIUS_SESSION.SUBSCRIBER_ID);
        return tx.select(s.fields()).select(NAS.NAME, ACCESS_POINT.ID, ACCESS_POINT.NAME, PHONE_IDENTITY.PHONE_CIPHERTEXT,
                        VOUCHER.CODE_HASH, VOUCHER.CODE_START, VOUCHER.BATCH_ID)
                .from(s)
                .leftJoin(NAS).on(NAS.ID.eq(s.field(RADIUS_SESSION.NAS_ID)))
                .leftJoin(ACCESS_POINT).on(ACCESS_POINT.MAC.eq(s.field(RADIUS_SESSION.AP_MAC)))
                .leftJoin(PHONE_IDENTITY).on(PHONE_IDENTITY.SUBSCRIBER_ID.eq(subscriber))
                .leftJoin(VOUCHER).on(VOUCHER.SUBSCRIBER_ID.eq(subscriber))
                .orderBy(s.field(RADIUS_SESSION.STARTED_AT), s.field(RADIUS_SESSION.UNIQUE_ID));
    }

    /** Whose sessions: a phone or voucher is found as its subscriber first; an unknown one matches nothing. */
    private Condition who(DSLContext tx, Optional<AccessLogRequest.Who> who, Field<Long> subscriber, Field<String> mac, Field<Inet> ip) {
        if (who.isEmpty()) {
            return DSL.noCondition();
        }
        String value = who.get().value();
        switch (who.get().kind()) {
            case PHONE:
                return subscriber.in(select(PHONE_IDENTITY.SUBSCRIBER_ID).from(PHONE_IDENTITY)
                        .where(PHONE_IDENTITY.PHONE_HMAC.eq(phones.fingerprint(value))));
            case VOUCHER:
                // a code stored before codes were hashed is still itself (V35)
                return subscriber.in(select(VOUCHER.SUBSCRIBER_ID).from(VOUCHER).where(VOUCHER.CODE_HASH.in(keys.voucherHash(value), value)));
            case MAC:
                return mac.eq(value);
            default:
                return ip.eq(DSL.val(inet(value), ip.getDataType()));
        }
    }

    private List<String> row(Record r, AccessLogRequest request) {
        Identity identity = identity(r, request);
        OffsetDateTime stopped = r.get(RADIUS_SESSION.STOPPED_AT);
        Inet framed = r.get(RADIUS_SESSION.FRAMED_IP);
        UUID batch = r.get(VOUCHER.BATCH_ID);
        return List.of(identity.kind(), identity.value(), batch == null ? "" : batch.toString(), r.get(RADIUS_SESSION.USERNAME),
                text(r.get(RADIUS_SESSION.CLIENT_MAC)), framed == null ? "" : framed.address().getHostAddress(),
                text(r.get(NAS.NAME)), r.get(RADIUS_SESSION.NAS_ADDRESS).address().getHostAddress(),
                text(r.get(ACCESS_POINT.ID)), text(r.get(ACCESS_POINT.NAME)), text(r.get(RADIUS_SESSION.AP_MAC)), text(r.get(RADIUS_SESSION.SSID)),
                time(r.get(RADIUS_SESSION.STARTED_AT).toInstant()), stopped == null ? "" : time(stopped.toInstant()),
                Long.toString(r.get(RADIUS_SESSION.INPUT_OCTETS)), Long.toString(r.get(RADIUS_SESSION.OUTPUT_OCTETS)),
                text(r.get(RADIUS_SESSION.TERMINATE_CAUSE)), r.get(RADIUS_SESSION.UNIQUE_ID));
    }

    /**
     * Who a session was: a phone number in clear; for a voucher its code where it is known (the question named it, or
     * the gateway sent it as the user name), else the two characters the console shows of it followed by {@code …};
     * nothing for a session Steppe did not grant to a subscriber.
     */
    private Identity identity(Record r, AccessLogRequest request) {
        byte[] phone = r.get(PHONE_IDENTITY.PHONE_CIPHERTEXT);
        if (phone != null) {
            return new Identity("phone", phones.decrypt(phone).e164());
        }
        String hash = r.get(VOUCHER.CODE_HASH);
        if (hash == null) {
            return new Identity("", "");
        }
        Optional<String> asked = request.who().filter(w -> w.kind() == AccessLogRequest.Kind.VOUCHER).map(AccessLogRequest.Who::value);
        String user = r.get(RADIUS_SESSION.USERNAME).trim().toUpperCase(Locale.ROOT);
        if (asked.isPresent()) {
            return new Identity("voucher", asked.get());
        }
        if (hash.equals(user) || hash.equals(keys.voucherHash(user))) {
            return new Identity("voucher", user);
        }
        String start = r.get(VOUCHER.CODE_START);
        return new Identity("voucher", (start == null ? "" : start) + "…");
    }

    private record Identity(String kind, String value) {
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Inet inet(String address) {
        try {
            return Inet.valueOf(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new AccessLogRefused("'ip' must be an address, was '" + address + "'");
        }
    }
}
