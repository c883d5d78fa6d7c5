package org.segue.plugin.challenge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.play.Challenge;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

class ChallengesTest {

    static final Period WEEK = new Period(LocalDate.parse("2026-11-23"), 7);
    static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");

    static UserEvent at(String user, int minute, String type, String... attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new UserEvent(user, type, MONDAY.plusSeconds(3600 + 60L * minute), map);
    }

    /** As the host feeds a challenge: the user's events within the open period, in order, from the stored progress. */
    static ChallengeProgress replay(Challenge c, ChallengeProgress from, List<UserEvent> events) {
        ChallengeProgress p = from;
        for (UserEvent e : events) {
            if (c.descriptor().isOpenAt(e.time())) {
                ChallengeProgress next = c.update(p, e);
                assertEquals(p.challengeId(), next.challengeId());
                assertEquals(p.userId(), next.userId());
                p = next;
            }
        }
        return p;
    }

    static ChallengeProgress replay(Challenge c, String user, List<UserEvent> events) {
        return replay(c, ChallengeProgress.initial(c.descriptor().id(), user), events);
    }

    /** Replayed in one go, resumed at every split, or with every event delivered twice: the same. */
    static void assertReplaysAgree(Challenge c, String user, List<UserEvent> events, boolean duplicatesHarmless) {
        ChallengeProgress once = replay(c, user, events);
        for (int split = 0; split <= events.size(); split++) {
            ChallengeProgress stored = replay(c, user, events.subList(0, split));
            assertEquals(once, replay(c, stored, events.subList(split, events.size())), "resumed after " + split);
        }
        if (duplicatesHarmless) {
            List<UserEvent> twice = new ArrayList<>();
            events.forEach(e -> {
                twice.add(e);
                twice.add(e);
            });
            assertEquals(once, replay(c, user, twice), "every event re-delivered");
        }
    }

    WeeklyThemeChallenge weekly() {
        WeeklyThemeChallenge c = new WeeklyThemeChallenge();
        c.configure(WEEK, 90, 130, 30);
        return c;
    }

    @Test
    void weeklyThemeScoresTheLongestSetWithinTheTempoRange() {
        WeeklyThemeChallenge c = weekly();
        assertEquals("segue.challenge.weekly-90-130-30min-2026-11-23/1", c.descriptor().id());
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), c.descriptor().end());
        assertFalse(c.descriptor().takesEntries(), "it scores the mixes made; nothing is entered");
        List<UserEvent> events = List.of(
                at("ana", 0, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "1500", UserEventTypes.BPMS, "92,100,110"),
                at("ana", 1, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "3600", UserEventTypes.BPMS, "92,131"),
                at("ana", 2, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "3600", UserEventTypes.BPMS, ""));
        ChallengeProgress p = replay(c, "ana", events);
        assertEquals(25, p.score(), 1e-12, "the 25-minute set; the one with 131 BPM and the one without tempi score nothing");
        assertFalse(p.completed());
        ChallengeProgress done = replay(c, p, List.of(
                at("ana", 3, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "1830", UserEventTypes.BPMS, "90,130,128")));
        assertEquals(30.5, done.score(), 1e-12);
        assertTrue(done.completed());
        ChallengeProgress shorterLater = c.update(done,
                at("ana", 4, UserEventTypes.MIX_CREATED, UserEventTypes.DURATION, "600", UserEventTypes.BPMS, "100"));
        assertSame(done, shorterLater, "a shorter set changes nothing");
        assertReplaysAgree(c, "ana", events, true);
    }

    @Test
    void weeklyThemeCountsOnlyWithinItsWeekAndRejectsABadRule() {
        WeeklyThemeChallenge c = weekly();
        assertFalse(c.descriptor().isOpenAt(Instant.parse("2026-11-30T00:00:00Z")));
        assertTrue(c.descriptor().isOpenAt(Instant.parse("2026-11-29T23:59:59Z")));
        assertThrows(IllegalArgumentException.class, () -> new WeeklyThemeChallenge().configure(WEEK, 130, 90, 30));
    }

    @Test
    void communityVoteCountsVotesForEnteredMixesOnly() {
        CommunityVoteChallenge c = new CommunityVoteChallenge();
        c.configure(WEEK, 3);
        String id = c.descriptor().id();
        assertTrue(c.descriptor().takesEntries(), "mixes are entered to be voted on");
        List<UserEvent> events = new ArrayList<>();
        events.add(at("ana", 0, UserEventTypes.VOTE_RECEIVED, UserEventTypes.CHALLENGE, id, UserEventTypes.MIX, "m1",
                UserEventTypes.VOTER, "bob")); // before the entry: nothing
        events.add(at("ana", 1, UserEventTypes.CHALLENGE_ENTERED, UserEventTypes.CHALLENGE, id, UserEventTypes.MIX, "m1"));
        events.add(at("ana", 1, UserEventTypes.CHALLENGE_ENTERED, UserEventTypes.CHALLENGE, id, UserEventTypes.MIX, "m1"));
        for (String voter : List.of("bob", "cy")) {
            events.add(at("ana", 2, UserEventTypes.VOTE_RECEIVED, UserEventTypes.CHALLENGE, id, UserEventTypes.MIX, "m1",
                    UserEventTypes.VOTER, voter));
        }
        events.add(at("ana", 3, UserEventTypes.VOTE_RECEIVED, UserEventTypes.CHALLENGE, "other/1", UserEventTypes.MIX, "m1",
                UserEventTypes.VOTER, "dee"));
        events.add(at("ana", 3, UserEventTypes.VOTE_RECEIVED, UserEventTypes.CHALLENGE, id, UserEventTypes.MIX, "m2",
                UserEventTypes.VOTER, "dee"));
        ChallengeProgress p = replay(c, "ana", events);
        assertEquals(2, p.score(), 0);
        assertFalse(p.completed());
        p = replay(c, p, List.of(at("ana", 4, UserEventTypes.VOTE_RECEIVED, UserEventTypes.CHALLENGE, id, UserEventTypes.MIX, "m1",
                UserEventTypes.VOTER, "dee")));
        assertEquals(3, p.score(), 0);
        assertTrue(p.completed(), "three votes");
        // Votes are deduplicated by the host (one per voter and mix), so only split replays are checked here.
        assertReplaysAgree(c, "ana", events, false);
    }

    @Test
    void beatTheClockScoresTheSecondsLeftAndJoiningAgainDoesNotResetIt() {
        BeatTheClockChallenge c = new BeatTheClockChallenge();
        c.configure(WEEK, 8, 20);
        String id = c.descriptor().id();
        assertFalse(c.descriptor().takesEntries());
        List<UserEvent> events = List.of(
                at("ana", 0, UserEventTypes.MIX_CREATED, UserEventTypes.TRACK_COUNT, "9"), // before joining: nothing
                at("ana", 1, UserEventTypes.CHALLENGE_JOINED, UserEventTypes.CHALLENGE, id),
                at("ana", 5, UserEventTypes.MIX_CREATED, UserEventTypes.TRACK_COUNT, "7"), // too few tracks
                at("ana", 13, UserEventTypes.CHALLENGE_JOINED, UserEventTypes.CHALLENGE, id), // ignored
                at("ana", 16, UserEventTypes.MIX_CREATED, UserEventTypes.TRACK_COUNT, "8"));
        ChallengeProgress p = replay(c, "ana", events);
        assertTrue(p.completed());
        assertEquals(5 * 60, p.score(), 1e-9, "15 of 20 minutes used");
        ChallengeProgress late = replay(c, p, List.of(at("ana", 30, UserEventTypes.MIX_CREATED, UserEventTypes.TRACK_COUNT, "12")));
        assertSame(p, late, "after the limit: nothing");
        assertReplaysAgree(c, "ana", events, true);
        ChallengeProgress never = replay(c, "bob", List.of(at("bob", 2, UserEventTypes.MIX_CREATED, UserEventTypes.TRACK_COUNT, "8")));
        assertFalse(never.completed());
    }

    @Test
    void periodDefaultsToThisWeeksMondayAndNamesABadDate() {
        Clock thursday = Clock.fixed(Instant.parse("2026-11-26T15:00:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.parse("2026-11-23"), Period.of("", 7, thursday).start());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.of("23/11/2026", 7, thursday));
        assertTrue(e.getMessage().contains("start") && e.getMessage().contains("23/11/2026"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Period.of("", 0, thursday));
    }
}
