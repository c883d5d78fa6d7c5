package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.play.engine.internal.TestPlay.event;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.PlayStatistics.LeaderboardEntry;
import org.segue.api.play.PlayStatistics.PluginAnalytics;
import org.segue.api.play.RecordResult;
import org.segue.api.play.RecordResult.Status;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

class PlayEngineTest {

    @TempDir
    Path dir;
    private final List<PlayEngine> open = new java.util.ArrayList<>();

    private PlayEngine engine(int perMinute, int votesPerHour, Badge... badges) throws IOException {
        PlayEngine e = new PlayEngine();
        e.clock = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
        for (Badge b : badges) {
            e.addBadge(b);
        }
        e.open(dir, perMinute, votesPerHour);
        open.add(e);
        return e;
    }

    @AfterEach
    void close() {
        for (PlayEngine e : open) {
            e.close();
        }
    }

    private static BadgeProgress progress(PlayEngine e, String badge, String user) {
        return e.query(r -> r.standings().badge(badge, user));
    }

    private static ChallengeProgress challenge(PlayEngine e, String challenge, String user) {
        return e.query(r -> r.standings().challenge(challenge, user));
    }

    private static List<LeaderboardEntry> board(PlayEngine e, String board) {
        return e.statistics().leaderboard(board, 0, 10).entries();
    }

    @Test
    void aRedeliveredEventCountsOnceAndAReplayAfterRestartGivesTheSameProgress() throws IOException {
        Badge mixes = TestPlay.counting("test.badge.mixes/1", UserEventTypes.MIX_CREATED, 3);
        PlayEngine e = engine(1000, 100, mixes);
        UserEvent first = event("ana", UserEventTypes.MIX_CREATED, 0, UserEventTypes.MIX, "m1");
        assertEquals(Status.RECORDED, e.record(first).status());
        assertEquals(Status.DUPLICATE, e.record(first).status(), "the same event again");
        assertEquals(Status.DUPLICATE, e.record(new UserEvent("ana", first.type(), first.time(), first.attributes())).status());
        assertEquals(1, progress(e, "test.badge.mixes/1", "ana").count());
        e.record(event("ana", UserEventTypes.MIX_CREATED, 1, UserEventTypes.MIX, "m2"));
        e.record(event("ana", UserEventTypes.MIX_CREATED, 2, UserEventTypes.MIX, "m3"));
        e.record(event("ana", UserEventTypes.MIX_CREATED, 2, UserEventTypes.MIX, "m3")); // re-delivered
        BadgeProgress live = progress(e, "test.badge.mixes/1", "ana");
        assertTrue(live.earned());
        assertEquals(TestPlay.T0.plusSeconds(120), live.earnedAt(), "earned at the third mix's time");
        assertEquals(3, live.count());
        e.close();

        PlayEngine reopened = engine(1000, 100, mixes);
        assertEquals(live, progress(reopened, "test.badge.mixes/1", "ana"), "replayed from the log: the same progress");
        assertEquals(3, reopened.history("ana").size(), "three events stored, duplicates not");
        assertEquals(Status.DUPLICATE, reopened.record(first).status(), "ids survive a restart");
    }

    @Test
    void aBadgeInstalledLaterCatchesUpFromTheHistoryWithoutARestart() throws IOException {
        PlayEngine e = engine(1000, 100);
        for (int i = 0; i < 5; i++) {
            e.record(event("ana", UserEventTypes.TRACK_PLAYED, i, UserEventTypes.TRACK, "t" + i));
            e.record(event("bob", UserEventTypes.TRACK_PLAYED, i, UserEventTypes.TRACK, "t" + i));
        }
        e.record(event("bob", UserEventTypes.TRACK_PLAYED, 9, UserEventTypes.TRACK, "t9"));
        Badge plays = TestPlay.counting("test.badge.plays/1", UserEventTypes.TRACK_PLAYED, 6);
        e.addBadge(plays);
        assertEquals(5, progress(e, "test.badge.plays/1", "ana").count());
        assertFalse(progress(e, "test.badge.plays/1", "ana").earned());
        assertEquals(TestPlay.T0.plusSeconds(9 * 60), progress(e, "test.badge.plays/1", "bob").earnedAt());
        e.record(event("ana", UserEventTypes.TRACK_PLAYED, 20, UserEventTypes.TRACK, "t20"));
        assertTrue(progress(e, "test.badge.plays/1", "ana").earned(), "counts live after the catch-up");
        // Removed and installed again: replayed from scratch, not counted twice.
        e.removeBadge(plays);
        e.addBadge(plays);
        assertEquals(6, progress(e, "test.badge.plays/1", "ana").count());
    }

    @Test
    void aBadgeThatThrowsIsSkippedAndCountedAsAFailureWhileOthersCount() throws IOException {
        Badge mixes = TestPlay.counting("test.badge.mixes/1", UserEventTypes.MIX_CREATED, 1);
        PlayEngine e = engine(1000, 100, TestPlay.throwing(), mixes);
        assertEquals(Status.RECORDED, e.record(event("ana", UserEventTypes.MIX_CREATED, 0)).status());
        assertTrue(progress(e, "test.badge.mixes/1", "ana").earned());
        PluginAnalytics broken = e.statistics().pluginAnalytics().stream()
                .filter(p -> p.plugin().equals("test.badge.broken/1")).findFirst().orElseThrow();
        assertEquals(1, broken.failures());
        assertTrue(broken.lastFailure().contains("boom"), broken.lastFailure());
    }

    @Test
    void oneVotePerUserAndMixNoSelfVotesAndAVoteScoresTheAuthor() throws IOException {
        PlayEngine e = engine(1000, 100);
        e.addChallenge(TestPlay.votes("test.challenge.vote/1"));
        String c = "test.challenge.vote/1";
        assertEquals(Status.RECORDED, e.record(vote("bob", "ana", "m1", c, 1)).status());
        assertEquals(Status.REJECTED, e.record(vote("bob", "ana", "m1", c, 2)).status(), "a second vote, later");
        assertEquals(Status.REJECTED, e.record(vote("ana", "ana", "m1", c, 3)).status(), "for one's own mix");
        assertEquals(Status.REJECTED, e.record(event("eve", UserEventTypes.VOTE_RECEIVED, 3,
                UserEventTypes.CHALLENGE, c)).status(), "derived events are the host's");
        assertEquals(Status.RECORDED, e.record(vote("cy", "ana", "m1", c, 4)).status());
        assertEquals(2.0, challenge(e, c, "ana").score());
        assertTrue(challenge(e, c, "ana").completed());
        assertEquals(0.0, challenge(e, c, "bob").score(), "voting scores nothing");
    }

    @Test
    void theRateLimitRefusesTheEventsBeyondItPerUser() throws IOException {
        PlayEngine e = engine(5, 2);
        for (int i = 0; i < 5; i++) {
            assertEquals(Status.RECORDED, e.record(event("ana", UserEventTypes.TRACK_PLAYED, i, UserEventTypes.TRACK, "t" + i)).status());
        }
        var sixth = e.record(event("ana", UserEventTypes.TRACK_PLAYED, 6, UserEventTypes.TRACK, "t6"));
        assertEquals(Status.REJECTED, sixth.status());
        assertTrue(sixth.reason().contains("per minute"), sixth.reason());
        assertEquals(Status.RECORDED, e.record(event("bob", UserEventTypes.TRACK_PLAYED, 6)).status(), "another user");
        assertEquals(5, e.history("ana").size());
        e.clock = Clock.offset(e.clock, java.time.Duration.ofSeconds(61));
        assertEquals(Status.RECORDED, e.record(event("ana", UserEventTypes.TRACK_PLAYED, 6, UserEventTypes.TRACK, "t6")).status(),
                "a minute later");
    }

    @Test
    void onlyUsersWhoJoinedAreOnTheBoardsUnderTheirPseudonym() throws IOException {
        PlayEngine e = engine(1000, 100, TestPlay.counting("test.badge.mixes/1", UserEventTypes.MIX_CREATED, 1));
        String c = "test.challenge.vote/1";
        e.addChallenge(TestPlay.votes(c));
        e.record(event("ana", UserEventTypes.MIX_CREATED, 0));
        e.record(event("bob", UserEventTypes.MIX_CREATED, 1));
        e.record(vote("bob", "ana", "m1", c, 2));
        assertEquals(0, e.statistics().leaderboard(c, 0, 10).total(), "nobody joined");
        assertEquals(Status.RECORDED, e.record(event("ana", UserEventTypes.LEADERBOARD_JOINED, 3, UserEventTypes.PSEUDONYM, "DJ_Ana")).status());
        assertEquals(Status.REJECTED, e.record(event("bob", UserEventTypes.LEADERBOARD_JOINED, 4, UserEventTypes.PSEUDONYM, "dj_ana")).status(),
                "taken, whatever the case");
        assertEquals(Status.REJECTED, e.record(event("bob", UserEventTypes.LEADERBOARD_JOINED, 4, UserEventTypes.PSEUDONYM, "a b")).status());
        e.record(event("bob", UserEventTypes.LEADERBOARD_JOINED, 5, UserEventTypes.PSEUDONYM, "bobby"));
        assertEquals(List.of(new LeaderboardEntry(1, "DJ_Ana", 10), new LeaderboardEntry(1, "bobby", 10)),
                board(e, PlayStatistics.GLOBAL_BOARD), "a badge each: 10 points, tied, ana's first");
        assertEquals(List.of(new LeaderboardEntry(1, "DJ_Ana", 1)), board(e, c));
        e.record(event("ana", UserEventTypes.LEADERBOARD_LEFT, 6));
        assertEquals(0, e.statistics().leaderboard(c, 0, 10).total(), "left: off every board");
        assertNull(e.query(r -> r.standings().pseudonymOwner("DJ_Ana")), "and the pseudonym is free again");
    }

    @Test
    void twoProcessesSharingTheLogSeeEachOthersEventsAndDuplicates() throws IOException {
        Badge mixes = TestPlay.counting("test.badge.mixes/1", UserEventTypes.MIX_CREATED, 2);
        PlayEngine server = engine(1000, 100, mixes);
        PlayEngine cli = engine(1000, 100, mixes);
        UserEvent m1 = event("ana", UserEventTypes.MIX_CREATED, 0, UserEventTypes.MIX, "m1");
        assertEquals(Status.RECORDED, server.record(m1).status());
        assertEquals(Status.DUPLICATE, cli.record(m1).status(), "the other one's event is known before appending");
        assertEquals(Status.RECORDED, cli.record(event("ana", UserEventTypes.MIX_CREATED, 1, UserEventTypes.MIX, "m2")).status());
        assertTrue(progress(server, "test.badge.mixes/1", "ana").earned(), "the server reads what the command line appended");
        assertEquals(progress(cli, "test.badge.mixes/1", "ana"), progress(server, "test.badge.mixes/1", "ana"));
    }

    @Test
    void twoWritersRacingOverTheSameEventsStoreEachOnce() throws Exception {
        Badge plays = TestPlay.counting("test.badge.plays/1", UserEventTypes.TRACK_PLAYED, 1000);
        PlayEngine a = engine(1_000_000, 100, plays);
        PlayEngine b = engine(1_000_000, 100, plays);
        List<UserEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add(event("ana", UserEventTypes.TRACK_PLAYED, i, UserEventTypes.TRACK, "t" + i));
        }
        java.util.concurrent.atomic.AtomicInteger recorded = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (PlayEngine e : List.of(a, b)) {
                done.add(pool.submit(() -> events.forEach(ev -> {
                    if (e.record(ev).status() == Status.RECORDED) {
                        recorded.incrementAndGet();
                    }
                })));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(150, recorded.get(), "each event stored by exactly one of the two");
        assertEquals(150, a.history("ana").size());
        assertEquals(150, progress(a, "test.badge.plays/1", "ana").count());
        assertEquals(150, progress(b, "test.badge.plays/1", "ana").count());
    }

    @Test
    void recordAllAnswersPerEventInOrderAndRecordsTheRestOfABatchWithARefusedEvent() throws IOException {
        Badge mixes = TestPlay.counting("test.badge.mixes/1", UserEventTypes.MIX_CREATED, 2);
        PlayEngine e = engine(1000, 100, mixes);
        UserEvent m1 = event("ana", UserEventTypes.MIX_CREATED, 0, UserEventTypes.MIX, "m1");
        List<RecordResult> results = e.recordAll(List.of(m1, m1,
                event("ana", UserEventTypes.VOTE_RECEIVED, 1, UserEventTypes.CHALLENGE, "c"),
                event("ana", UserEventTypes.MIX_CREATED, 2, UserEventTypes.MIX, "m2")));
        assertEquals(List.of(Status.RECORDED, Status.DUPLICATE, Status.REJECTED, Status.RECORDED),
                results.stream().map(RecordResult::status).toList());
        assertEquals(StoredEvent.idOf(m1), results.get(1).eventId(), "the duplicate names the id it repeats");
        assertEquals(2, e.history("ana").size());
        BadgeProgress p = progress(e, "test.badge.mixes/1", "ana");
        assertEquals(TestPlay.T0.plusSeconds(120), p.earnedAt(), "earned by the batch's fourth event, in order");
        assertEquals(List.of(), e.recordAll(List.of()));
        RecordResult huge = e.record(event("ana", UserEventTypes.MIX_SHARED, 3, UserEventTypes.MIX, "x".repeat(2 << 20)));
        assertEquals(Status.REJECTED, huge.status());
        assertTrue(huge.reason().contains("at most"), huge.reason());
    }

    @Test
    void aBatchThatFailsMidwayLeavesNothingHalfApplied() throws IOException {
        Badge plays = TestPlay.counting("test.badge.plays/1", UserEventTypes.TRACK_PLAYED, 10);
        Badge fatal = new Badge() {
            @Override
            public BadgeDescriptor descriptor() {
                return new BadgeDescriptor("test.badge.fatal/1", "fatal", "dies on a fatal event");
            }

            @Override
            public BadgeProgress update(BadgeProgress p, UserEvent e) {
                if (e.attributes().containsKey("fatal")) {
                    throw new AssertionError("not an exception a badge may throw: it ends the batch");
                }
                return p;
            }
        };
        PlayEngine e = engine(3, 100, plays, fatal);
        List<UserEvent> batch = List.of(event("ana", UserEventTypes.TRACK_PLAYED, 0, UserEventTypes.TRACK, "t0"),
                event("ana", UserEventTypes.TRACK_PLAYED, 1, UserEventTypes.TRACK, "t1"),
                event("ana", UserEventTypes.TRACK_PLAYED, 2, UserEventTypes.TRACK, "t2", "fatal", "yes"));
        assertThrows(AssertionError.class, () -> e.recordAll(batch));
        assertEquals(List.of(), e.history("ana"), "the first two events were rolled back with the third");
        assertEquals(0, progress(e, "test.badge.plays/1", "ana").count());
        assertTrue(e.statistics().userAnalytics("ana", 5).mostPlayed().isEmpty(), "no analytics either");
        e.removeBadge(fatal);
        assertEquals(List.of(Status.RECORDED, Status.RECORDED, Status.RECORDED),
                e.recordAll(batch).stream().map(RecordResult::status).toList(),
                "the refused batch counted nothing against the limit of 3 a minute");
        assertEquals(3, progress(e, "test.badge.plays/1", "ana").count());
    }

    @Test
    void pluginTimingsAreNotRateLimitedAndTheHostEarnsNoBadges() throws IOException {
        Badge used = TestPlay.counting("test.badge.used/1", UserEventTypes.PLUGIN_USED, 1);
        PlayEngine e = engine(2, 100, used);
        List<UserEvent> timings = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            timings.add(event("ana", UserEventTypes.PLUGIN_USED, 0, UserEventTypes.PLUGIN, "p", UserEventTypes.MILLIS,
                    Integer.toString(i + 1), UserEventTypes.EVENT_ID, "use-" + i));
            timings.add(event(UserEventTypes.HOST_USER, UserEventTypes.PLUGIN_USED, 0, UserEventTypes.PLUGIN, "p",
                    UserEventTypes.MILLIS, "3", UserEventTypes.EVENT_ID, "host-" + i));
        }
        assertTrue(e.recordAll(timings).stream().allMatch(r -> r.status() == Status.RECORDED));
        assertEquals(Status.RECORDED, e.record(event("ana", UserEventTypes.TRACK_PLAYED, 1)).status());
        assertEquals(Status.RECORDED, e.record(event("ana", UserEventTypes.TRACK_PLAYED, 2)).status());
        assertEquals(Status.REJECTED, e.record(event("ana", UserEventTypes.TRACK_PLAYED, 3)).status(),
                "the two plays are the limit; the ten timings did not count");
        assertTrue(progress(e, "test.badge.used/1", "ana").earned());
        assertFalse(progress(e, "test.badge.used/1", UserEventTypes.HOST_USER).earned(), "work for nobody earns nobody a badge");
        assertEquals(20, e.statistics().pluginAnalytics().get(0).uses());
    }

    @Test
    void aBadgeTheOtherProcessDoesNotRunIsCaughtUpOnWhatThatProcessRecorded() throws IOException {
        Badge mixes = TestPlay.counting("test.badge.mixes/1", UserEventTypes.MIX_CREATED, 2);
        PlayEngine server = engine(1000, 100, mixes);
        PlayEngine cli = engine(1000, 100);
        cli.record(event("ana", UserEventTypes.MIX_CREATED, 0, UserEventTypes.MIX, "m1"));
        cli.record(event("ana", UserEventTypes.MIX_CREATED, 1, UserEventTypes.MIX, "m2"));
        assertEquals(TestPlay.T0.plusSeconds(60), progress(server, "test.badge.mixes/1", "ana").earnedAt());
        server.record(event("ana", UserEventTypes.MIX_CREATED, 2, UserEventTypes.MIX, "m3"));
        assertEquals(2, progress(server, "test.badge.mixes/1", "ana").count(), "earned stays earned, counted once");
    }

    private static UserEvent vote(String voter, String author, String mix, String challenge, int minute) {
        return event(voter, UserEventTypes.VOTE_CAST, minute, UserEventTypes.AUTHOR, author, UserEventTypes.MIX, mix,
                UserEventTypes.CHALLENGE, challenge);
    }
}
