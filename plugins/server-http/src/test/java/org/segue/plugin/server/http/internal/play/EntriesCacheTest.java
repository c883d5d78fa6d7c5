package org.segue.plugin.server.http.internal.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Entries read from the users' histories, and the snapshot that spares most requests reading them. */
class EntriesCacheTest {

    static final String VOTE = "segue.challenge.vote-2026-11-23/1";
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void entriesVotesAndPseudonymsComeFromEachUsersHistory() {
        FakePlay log = new FakePlay(List.of());
        log.record(new UserEvent("alice", UserEventTypes.CHALLENGE_ENTERED, T.plusSeconds(5), Map.of(UserEventTypes.CHALLENGE, VOTE,
                UserEventTypes.MIX, "m1", UserEventTypes.DURATION, "600.5", UserEventTypes.TRACK_COUNT, "7")));
        log.record(new UserEvent("alice", UserEventTypes.CHALLENGE_ENTERED, T.plusSeconds(6), Map.of(UserEventTypes.CHALLENGE, VOTE,
                UserEventTypes.MIX, "m1"))); // the same mix again: one entry
        log.record(new UserEvent("bob", UserEventTypes.CHALLENGE_ENTERED, T, Map.of(UserEventTypes.CHALLENGE, VOTE, UserEventTypes.MIX, "m2")));
        log.record(new UserEvent("bob", UserEventTypes.CHALLENGE_ENTERED, T, Map.of(UserEventTypes.CHALLENGE, "other/1", UserEventTypes.MIX, "m3")));
        log.record(new UserEvent("bob", UserEventTypes.VOTE_CAST, T, Map.of(UserEventTypes.CHALLENGE, VOTE, UserEventTypes.MIX, "m1",
                UserEventTypes.AUTHOR, "alice")));
        log.record(new UserEvent("carol", UserEventTypes.VOTE_CAST, T, Map.of(UserEventTypes.CHALLENGE, VOTE, UserEventTypes.MIX, "m1",
                UserEventTypes.AUTHOR, "alice")));
        log.record(new UserEvent("alice", UserEventTypes.LEADERBOARD_JOINED, T, Map.of(UserEventTypes.PSEUDONYM, "Old")));
        log.record(new UserEvent("alice", UserEventTypes.LEADERBOARD_JOINED, T, Map.of(UserEventTypes.PSEUDONYM, "Nova")));
        log.record(new UserEvent("bob", UserEventTypes.LEADERBOARD_JOINED, T, Map.of(UserEventTypes.PSEUDONYM, "Bee")));
        log.record(new UserEvent("bob", UserEventTypes.LEADERBOARD_LEFT, T, Map.of()));

        Entries e = Entries.of(log, List.of("alice", "bob", "carol"), VOTE);
        assertEquals(List.of("m2", "m1"), e.entries().stream().map(Entries.Entry::mixId).toList(), "oldest first, one per mix");
        assertEquals(600.5, e.entry("m1").durationSeconds());
        assertEquals(7, e.entry("m1").trackCount());
        assertEquals(2, e.votes("m1"));
        assertEquals(0, e.votes("m2"));
        assertEquals(true, e.voted("carol", "m1"));
        assertEquals(false, e.voted("alice", "m1"));
        assertEquals("Nova", e.pseudonymOf("alice"), "the latest pseudonym");
        assertNull(e.pseudonymOf("bob"), "left the leaderboards");
        assertNull(e.entry("m3"), "another challenge's");
    }

    @Test
    void aSnapshotServesUntilItIsOldOrSomethingWasRecorded() {
        AtomicLong now = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        EntriesCache cache = new EntriesCache(5_000, now::get);
        FakePlay log = new FakePlay(List.of());
        java.util.function.Supplier<Entries> read = () -> {
            reads.incrementAndGet();
            return Entries.of(log, List.of("alice"), VOTE);
        };
        Entries first = cache.get(VOTE, read);
        now.set(5_000);
        assertSame(first, cache.get(VOTE, read));
        assertEquals(1, reads.get());
        now.set(5_001);
        cache.get(VOTE, read);
        assertEquals(2, reads.get(), "too old: read again");
        cache.invalidate(VOTE);
        cache.get(VOTE, read);
        assertEquals(3, reads.get(), "recorded: read again");
        cache.get("other/1", read);
        cache.clear();
        cache.get(VOTE, read);
        cache.get("other/1", read);
        assertEquals(6, reads.get(), "a pseudonym changed: every challenge read again");
    }
}
