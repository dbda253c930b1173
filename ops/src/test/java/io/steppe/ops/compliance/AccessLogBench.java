package io.steppe.ops.compliance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.DatabaseConfig;
import io.steppe.ops.server.PhoneKey;
import io.steppe.ops.server.SecretKeysFile;
import io.steppe.portal.sms.MobileNumbers;
import java.io.Writer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log's one-day, one-address question on a month of sessions (10 million by default, {@code -Dsessions=N}),
 * made with generate_series in the embedded PostgreSQL: prints the plan with EXPLAIN ANALYZE and the export's wall time.
 * Not part of {@code verify} (its name is no test's); run as {@code docs/BENCHMARKS.md} says.
 */
class AccessLogBench {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final int BATCH = 1_000_000;

    @Test
    void oneDayOneAddressOnAMonthOfSessions(@TempDir Path home) throws Exception {
        long sessions = Long.getLong("sessions", 10_000_000L);
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
        Instant start = end.minus(Duration.ofDays(30));
        try (Database db = Database.open(DatabaseConfig.embedded(home))) {
            DSLContext dsl = db.dsl();
            long filling = System.nanoTime();
            for (long from = 1; from <= sessions; from += BATCH) {
                fill(dsl, from, Math.min(sessions, from + BATCH - 1), sessions, start);
            }
            dsl.execute("VACUUM ANALYZE radius_session");
            System.out.printf("filled %,d sessions (65,536 addresses, 30 days) in %.0f s%n", sessions, (System.nanoTime() - filling) / 1e9);

            Instant day = end.minus(Duration.ofDays(10));
            DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CITY);
            AccessLogRequest request = AccessLogRequest.of(local.format(day), local.format(day.plus(Duration.ofDays(1))),
                    new AccessLogRequest.Identities(null, null, "10.1.7.42", null), "benchmark", CITY, new MobileNumbers(MobileNumbers.DEFAULT_COUNTRIES));
            AccessLog log = new AccessLog(dsl, PhoneKey.vault(home, new SecureRandom()), SecretKeysFile.load(home), CITY);
            String sql = dsl.renderInlined(log.sessions(dsl, request));
            String plan = dsl.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql).stream().map(r -> r.get(0, String.class))
                    .collect(Collectors.joining("\n"));
            System.out.println(sql + "\n" + plan);
            List<Double> seconds = new ArrayList<>();
            int rows = 0;
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                rows = log.export(request, Writer.nullWriter(), "bench", AccessLog.Via.CLI, Map.of());
                seconds.add((System.nanoTime() - t) / 1e9);
            }
            // the shutdown's own checkpoint is then short, and done before the directory is removed
            dsl.execute("CHECKPOINT");
            System.out.printf("export of %d sessions (one address, one day): %s s%n", rows,
                    seconds.stream().map(s -> String.format("%.3f", s)).collect(Collectors.joining(", ")));
            assertTrue(plan.contains("radius_session_") && plan.contains("framed_ip"), "the address's index answers: " + plan);
            assertTrue(!java.util.regex.Pattern.compile("Seq Scan on radius_session_\\d").matcher(plan).find(), "no month is read whole: " + plan);
        }
    }

    /** Sessions {@code from..to} of {@code total}, spread evenly over 30 days from {@code start}, 5 minutes to 2 hours long. */
    private static void fill(DSLContext dsl, long from, long to, long total, Instant start) {
        dsl.execute("""
                INSERT INTO radius_session (unique_id, session_id, nas_address, username, subscriber_id, ap_mac, ssid, client_mac,
                                            framed_ip, started_at, updated_at, stopped_at, session_time, input_octets, output_octets,
                                            terminate_cause)
                SELECT 'u' || g, 's' || g, '10.0.0.1', 'user' || (g % 400000), g % 400000, NULL, 'Ulanqab-Free',
                       'aa:bb:' || substr(h, 1, 2) || ':' || substr(h, 3, 2) || ':' || substr(h, 5, 2) || ':' || substr(h, 7, 2),
                       '10.1.0.0'::inet + (g % 65536), t, t + d, t + d, extract(epoch FROM d)::bigint, g % 10000000, g % 50000000,
                       'User-Request'
                FROM generate_series({0}::bigint, {1}::bigint) AS g,
                     LATERAL (SELECT lpad(to_hex(g % 2000000), 8, '0') AS h,
                                     {2}::timestamptz + make_interval(secs => g * (30 * 86400.0 / {3})) AS t,
                                     make_interval(secs => 300 + (g * 7919) % 6900) AS d) AS v
                """, from, to, java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC), total);
    }
}
