package io.steppe.controller.history;

import static io.steppe.db.schema.Tables.AP_SAMPLE;
import static io.steppe.db.schema.Tables.AP_SAMPLE_1H;
import static io.steppe.db.schema.Tables.AP_SAMPLE_5M;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.net.MacAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    @TempDir
    Path home;

    @Test
    void heartbeatsAreAveragedIntoFiveMinuteAndHourlyBucketsAndDroppedPastRetention() {
        try (Database db = TestDatabases.freshMigrated(home)) {
            new ApRepository(db.dsl(), new SecureRandom(), java.time.Clock.systemUTC()).register(new AccessPoint("jn-01", MacAddress.parse("aa:bb:cc:00:00:01"), "AP",
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), "test");
            Instant start = Instant.parse("2026-05-01T07:00:00Z");
            for (int i = 0; i < 120; i++) {
                Instant at = start.plusSeconds(30L * i);
                db.dsl().insertInto(AP_SAMPLE).set(AP_SAMPLE.AP_ID, "jn-01").set(AP_SAMPLE.RECEIVED_AT, at.atOffset(ZoneOffset.UTC))
                        .set(AP_SAMPLE.SENT_AT, at.atOffset(ZoneOffset.UTC)).set(AP_SAMPLE.INTERVAL_S, 30)
                        .set(AP_SAMPLE.CLIENTS, i < 60 ? 10 : 20).set(AP_SAMPLE.CHANNEL_UTIL, 0.5f).execute();
            }
            HistoryStore store = new HistoryStore(db.dsl(), new Retention(Duration.ofHours(1), Duration.ofHours(3), Duration.ofDays(1)));
            Instant now = Instant.parse("2026-05-01T08:02:00Z");
            store.age(now);
            assertEquals(12, db.dsl().fetchCount(AP_SAMPLE_5M));
            assertEquals(1, db.dsl().fetchCount(AP_SAMPLE_1H));
            assertEquals(116, db.dsl().fetchCount(AP_SAMPLE), "raw kept for an hour: 07:00 to 07:01:30 dropped");
            store.age(now);
            assertEquals(12, db.dsl().fetchCount(AP_SAMPLE_5M), "running again changes nothing");

            History week = store.read("jn-01", Instant.parse("2026-05-01T07:00:00Z"), Instant.parse("2026-05-01T08:00:00Z"), now);
            assertEquals("5m", week.resolution());
            assertEquals(12, week.points().size());
            assertEquals(10f, week.points().get(0).clients());
            assertEquals(10, week.points().get(0).samples());
            History year = store.read("jn-01", Instant.parse("2026-05-01T04:00:00Z"), now, now);
            assertEquals("1h", year.resolution());
            assertEquals(1, year.points().size());
            assertEquals(15f, year.points().get(0).clients(), 1e-4);
            assertEquals(20, year.points().get(0).clientsMax());
            assertEquals(120, year.points().get(0).samples());
            assertEquals(0.5f, year.points().get(0).channelUtilization(), 1e-4);
            assertEquals("raw", store.read("jn-01", Instant.parse("2026-05-01T07:30:00Z"), now, now).resolution());
        }
    }
}
