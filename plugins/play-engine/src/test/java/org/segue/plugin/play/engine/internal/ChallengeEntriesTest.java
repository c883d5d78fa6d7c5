package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.segue.plugin.play.engine.internal.TestPlay.event;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.PlayStatistics.ChallengeEntry;
import org.segue.api.play.RecordResult.Status;
import org.segue.api.play.UserEventTypes;

/** A challenge's entries come from their own table, kept as events are recorded and filled on upgrade. */
class ChallengeEntriesTest {

    static final String C = "test.challenge.vote/1";

    @TempDir
    Path dir;

    private PlayEngine open() throws Exception {
        PlayEngine engine = new PlayEngine();
        engine.addChallenge(TestPlay.votes(C));
        engine.open(dir, 1000, 100);
        return engine;
    }

    private static void recordAll(PlayEngine engine) {
        for (var e : List.of(
                event("ana", UserEventTypes.CHALLENGE_ENTERED, 0, UserEventTypes.CHALLENGE, C, UserEventTypes.MIX, "m1",
                        UserEventTypes.DURATION, "1800.5", UserEventTypes.TRACK_COUNT, "9"),
                event("bob", UserEventTypes.CHALLENGE_ENTERED, 1, UserEventTypes.CHALLENGE, C, UserEventTypes.MIX, "m2"),
                // Entered again later: the first entry stands.
                event("ana", UserEventTypes.CHALLENGE_ENTERED, 2, UserEventTypes.CHALLENGE, C, UserEventTypes.MIX, "m1",
                        UserEventTypes.DURATION, "60", UserEventTypes.TRACK_COUNT, "2"),
                event("cy", UserEventTypes.CHALLENGE_ENTERED, 3, UserEventTypes.CHALLENGE, "another/1", UserEventTypes.MIX, "m3"),
                event("ana", UserEventTypes.LEADERBOARD_JOINED, 4, UserEventTypes.PSEUDONYM, "Selecta"),
                event("bob", UserEventTypes.VOTE_CAST, 5, UserEventTypes.CHALLENGE, C, UserEventTypes.MIX, "m1",
                        UserEventTypes.AUTHOR, "ana"),
                event("cy", UserEventTypes.VOTE_CAST, 6, UserEventTypes.CHALLENGE, C, UserEventTypes.MIX, "m1",
                        UserEventTypes.AUTHOR, "ana"))) {
            assertEquals(Status.RECORDED, engine.record(e).status(), e.toString());
        }
    }

    private static void check(List<ChallengeEntry> entries) {
        assertEquals(2, entries.size(), entries.toString());
        ChallengeEntry first = entries.get(0);
        assertEquals("m1", first.mixId());
        assertEquals("ana", first.author());
        assertEquals("Selecta", first.pseudonym());
        assertEquals(TestPlay.T0, first.enteredAt());
        assertEquals(1800.5, first.durationSeconds());
        assertEquals(9, first.trackCount());
        assertEquals(Set.of("bob", "cy"), first.voters());
        ChallengeEntry second = entries.get(1);
        assertEquals("m2", second.mixId());
        assertEquals(null, second.pseudonym(), "bob has not joined the boards");
        assertEquals(Set.of(), second.voters());
    }

    @Test
    void entriesAreKeptAsTheyAreRecorded() throws Exception {
        PlayEngine engine = open();
        try {
            recordAll(engine);
            check(engine.statistics().entries(C));
            assertEquals(List.of(), engine.statistics().entries("nobody.entered/1"));
        } finally {
            engine.close();
        }
    }

    @Test
    void aVersionOneStoreIsFilledFromItsEventsOnUpgrade() throws Exception {
        PlayEngine engine = open();
        try {
            recordAll(engine);
        } finally {
            engine.close();
        }
        // Back to what version 1 of the schema had: no entries table.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(PlayEngine.DATABASE));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE challenge_entries");
            s.execute("PRAGMA user_version = 1");
        }
        PlayEngine upgraded = open();
        try {
            check(upgraded.statistics().entries(C));
        } finally {
            upgraded.close();
        }
    }
}
