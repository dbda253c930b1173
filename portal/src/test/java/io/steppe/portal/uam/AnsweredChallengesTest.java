package io.steppe.portal.uam;

import static io.steppe.db.schema.Tables.UAM_CHALLENGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsweredChallengesTest {

    static final byte[] CHALLENGE = HexFormat.of().parseHex("6a3f0c1d2e4b5a697887766554433221");

    @TempDir
    Path home;
    Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** On main a challenge could be answered again and again, on one node or several. */
    @Test
    void aChallengeIsAnsweredOnceOnWhicheverNodeAsksFirst() {
        AnsweredChallenges nodeA = new AnsweredChallenges(db.dsl(), clock);
        AnsweredChallenges nodeB = new AnsweredChallenges(db.dsl(), clock);
        assertFalse(nodeB.answered("square-gw", CHALLENGE));
        assertTrue(nodeA.answer("square-gw", CHALLENGE));
        assertTrue(nodeB.answered("square-gw", CHALLENGE), "the other node sees it");
        assertFalse(nodeB.answer("square-gw", CHALLENGE), "a replayed link gets no second credential");
        assertFalse(nodeA.answer("square-gw", CHALLENGE));
        assertTrue(nodeA.answer("station-gw", CHALLENGE), "challenges are per gateway");
    }

    @Test
    void answersAreForgottenAfterADay() {
        AnsweredChallenges challenges = new AnsweredChallenges(db.dsl(), clock);
        assertTrue(challenges.answer("square-gw", CHALLENGE));
        clock.advance(AnsweredChallenges.REMEMBERED.plusSeconds(1));
        assertFalse(challenges.answered("square-gw", CHALLENGE));
        clock.advance(Duration.ofMinutes(2));
        assertTrue(challenges.answer("station-gw", HexFormat.of().parseHex("00000000000000000000000000000001")));
        assertEquals(1, db.dsl().fetchCount(UAM_CHALLENGE), "the old answer was swept");
    }
}
