package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.play.engine.internal.TestPlay.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.PlayStatistics.LeaderboardEntry;
import org.segue.api.play.RecordResult.Status;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** An events.log of the earlier store, written by {@link EventFile}, moves into the database once. */
class LegacyImportTest {

    @TempDir
    Path dir;

    @Test
    void theOldLogIsImportedOnceWithItsIdsAndEverythingDerivedThenRenamed() throws IOException {
        String c = "test.challenge.vote/1";
        List<UserEvent> old = List.of(
                event("ana", UserEventTypes.MIX_CREATED, 0, UserEventTypes.MIX, "m1", UserEventTypes.ENERGIES, "0.4,0.6"),
                event("ana", UserEventTypes.MIX_CREATED, 1, UserEventTypes.MIX, "m2"),
                event("bob", UserEventTypes.VOTE_CAST, 2, UserEventTypes.AUTHOR, "ana", UserEventTypes.MIX, "m1",
                        UserEventTypes.CHALLENGE, c),
                event("ana", UserEventTypes.LEADERBOARD_JOINED, 3, UserEventTypes.PSEUDONYM, "Selecta"),
                event("bob", UserEventTypes.TRACK_PLAYED, 4, UserEventTypes.TRACK, "t1", UserEventTypes.EVENT_ID, "play-1"));
        try (EventFile f = new EventFile(dir.resolve("events.log"))) {
            f.readNew(s -> { });
            f.locked(() -> {
                for (UserEvent e : old) {
                    f.append(new StoredEvent(StoredEvent.idOf(e), -1, e));
                }
                return null;
            });
        }
        Files.writeString(dir.resolve("state.snapshot"), "a cache of the old log");

        PlayEngine engine = new PlayEngine();
        engine.addBadge(TestPlay.counting("test.badge.mixes/1", UserEventTypes.MIX_CREATED, 2));
        engine.addChallenge(TestPlay.votes(c));
        engine.open(dir, 1000, 100);
        try {
            assertEquals(List.of(old.get(0), old.get(1), old.get(3)), engine.history("ana"), "fields and order kept");
            assertEquals(List.of(old.get(2), old.get(4)), engine.history("bob"));
            assertTrue(engine.statistics().badges("ana").get(0).progress().earned(), "two mixes: the badge, from the import");
            assertEquals(1.0, engine.statistics().challenges("ana").get(0).progress().score(), "bob's vote reached ana");
            assertEquals(List.of(new LeaderboardEntry(1, "Selecta", 10)),
                    engine.statistics().leaderboard(PlayStatistics.GLOBAL_BOARD, 0, 10).entries());
            assertEquals(1, engine.statistics().userAnalytics("ana", 5).energySets());
            assertEquals(Status.DUPLICATE, engine.record(old.get(2)).status(), "ids survive the move");
            assertEquals(Status.REJECTED, engine.record(event("bob", UserEventTypes.VOTE_CAST, 9, UserEventTypes.AUTHOR, "ana",
                    UserEventTypes.MIX, "m1", UserEventTypes.CHALLENGE, c)).status(), "and so do votes");
            assertFalse(Files.exists(dir.resolve("events.log")));
            assertTrue(Files.exists(dir.resolve("events.log.imported")), "kept for the user, renamed");
            assertFalse(Files.exists(dir.resolve("state.snapshot")));
        } finally {
            engine.close();
        }
        // Put back (as if the rename had not happened): the database has events, so nothing is imported twice.
        Files.move(dir.resolve("events.log.imported"), dir.resolve("events.log"));
        PlayEngine again = new PlayEngine();
        again.open(dir, 1000, 100);
        try {
            assertEquals(3, again.history("ana").size());
        } finally {
            again.close();
        }
    }
}
