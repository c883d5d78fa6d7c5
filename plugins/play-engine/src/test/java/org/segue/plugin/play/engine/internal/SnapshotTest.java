package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.play.engine.internal.TestPlay.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.Challenge;
import org.segue.api.play.RecordResult.Status;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** A snapshot spares the replay, gives the very same standings, and is ignored whenever it cannot be trusted. */
class SnapshotTest {

    static final String VOTE = "test.challenge.vote/1";

    @TempDir
    Path dir;
    final AtomicInteger calls = new AtomicInteger();

    /** A badge that counts the calls it gets, to tell a replay from a snapshot. */
    Badge counted(Badge inner) {
        return new Badge() {
            @Override
            public BadgeDescriptor descriptor() {
                return inner.descriptor();
            }

            @Override
            public BadgeProgress update(BadgeProgress current, UserEvent event) {
                calls.incrementAndGet();
                return inner.update(current, event);
            }
        };
    }

    final Badge plays = TestPlay.counting("test.badge.plays/1", UserEventTypes.TRACK_PLAYED, 3);
    final Badge mixes = TestPlay.counting("test.badge.mixes/1", UserEventTypes.MIX_CREATED, 2);
    final Challenge votes = TestPlay.votes(VOTE);
    /** Never earned, so it is called for every event (earned badges are not called any more). */
    final Badge never = TestPlay.counting("test.badge.never/1", "no.such.type", 1);

    PlayEngine engine(Badge... badges) throws IOException {
        PlayEngine e = new PlayEngine();
        e.snapshotEvery = 1;
        for (Badge b : badges) {
            e.addBadge(b);
        }
        e.addChallenge(votes);
        e.open(dir, 1000, 1000);
        return e;
    }

    static List<UserEvent> history() {
        List<UserEvent> h = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String user = "u" + (i % 4);
            h.add(event(user, UserEventTypes.TRACK_PLAYED, i, UserEventTypes.TRACK, "t" + i, UserEventTypes.BPM, "12" + (i % 10),
                    UserEventTypes.KEY, "8A"));
            if (i % 3 == 0) {
                h.add(event(user, UserEventTypes.MIX_CREATED, i, UserEventTypes.ENERGIES, "0.2,0.9", UserEventTypes.MIX, "m" + i));
                h.add(event(user, UserEventTypes.LEADERBOARD_JOINED, i, UserEventTypes.PSEUDONYM, "name-" + user));
            }
            h.add(event("u" + ((i + 1) % 4), UserEventTypes.VOTE_CAST, i, UserEventTypes.AUTHOR, user, UserEventTypes.MIX, "m" + i,
                    UserEventTypes.CHALLENGE, VOTE));
        }
        h.add(event("u1", UserEventTypes.PLUGIN_USED, 30, UserEventTypes.PLUGIN, "p", UserEventTypes.MILLIS, "12"));
        return h;
    }

    /** Everything the commands show, as text. */
    static String views(PlayEngine e) {
        return e.read(v -> {
            StringBuilder b = new StringBuilder();
            for (String u : List.of("u0", "u1", "u2", "u3")) {
                b.append(v.state().badge("test.badge.plays/1", u)).append(v.state().badge("test.badge.mixes/1", u))
                        .append(v.state().challenge(VOTE, u)).append(StatsCommand.render(u, v.state().analytics()))
                        .append(v.state().offsets(u));
            }
            b.append(v.state().board(PlayState.GLOBAL).page(1, 10, v.state().pseudonyms()));
            b.append(v.state().board(VOTE).page(1, 10, v.state().pseudonyms()));
            return b.append(v.state().size()).toString();
        });
    }

    @Test
    void reopeningFromASnapshotReplaysNothingAndShowsTheSame() throws IOException {
        PlayEngine first = engine(plays, mixes, counted(never));
        history().forEach(first::record);
        String before = views(first);
        first.close();
        assertTrue(Files.exists(dir.resolve("state.snapshot")));

        calls.set(0);
        PlayEngine second = engine(plays, mixes, counted(never));
        assertEquals(before, views(second));
        assertEquals(0, calls.get(), "nothing replayed");
        assertEquals(Status.DUPLICATE, second.record(history().get(5)).status(), "the ids came with the snapshot");
        assertEquals(Status.RECORDED, second.record(event("u0", UserEventTypes.TRACK_PLAYED, 99)).status());
        second.close();
    }

    @Test
    void onlyTheTailAfterTheSnapshotIsReplayedAndALateBadgeIsCaughtUp() throws IOException {
        PlayEngine first = engine(plays, counted(never));
        List<UserEvent> h = history();
        h.subList(0, 30).forEach(first::record);
        first.close();
        // Another process appends without snapshotting.
        PlayEngine other = new PlayEngine();
        other.snapshotEvery = Integer.MAX_VALUE;
        other.open(dir, 1000, 1000);
        h.subList(30, h.size()).forEach(other::record);
        other.close();

        calls.set(0);
        PlayEngine second = engine(plays, mixes, counted(never));
        String viaSnapshot = views(second);
        assertEquals(h.size() - 30 + countVotesFor(h.subList(30, h.size())), calls.get(),
                "a badge in the snapshot sees only the tail (and the votes as their authors receive them)");
        second.close();

        Files.delete(dir.resolve("state.snapshot"));
        PlayEngine replayed = engine(plays, mixes, never);
        assertEquals(views(replayed), viaSnapshot, "the same as a full replay, the mixes badge included");
        replayed.close();
    }

    @Test
    void aDamagedOrForeignSnapshotIsIgnored() throws IOException {
        PlayEngine first = engine(plays, mixes, never);
        history().forEach(first::record);
        String before = views(first);
        first.close();
        Path snapshot = dir.resolve("state.snapshot");
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(snapshot, bytes);
        calls.set(0);
        PlayEngine second = engine(plays, mixes, counted(never));
        assertEquals(before, views(second));
        assertTrue(calls.get() > 0, "replayed instead");
        second.close();

        // The log replaced by another with as many bytes before the snapshot's position: not its snapshot.
        Path log = dir.resolve("events.log");
        Files.delete(log);
        PlayEngine fresh = new PlayEngine();
        fresh.snapshotEvery = Integer.MAX_VALUE;
        fresh.open(dir, 1000, 1000);
        for (UserEvent e : history()) {
            fresh.record(new UserEvent(e.userId() + "x", e.type(), e.time(), e.attributes()));
        }
        fresh.close();
        PlayEngine third = engine(plays, mixes, never);
        assertEquals(0, third.history("u0").size(), "the snapshot of the old log was not taken for this one");
        assertTrue(third.history("u0x").size() > 0);
        third.close();
    }

    private static int countVotesFor(List<UserEvent> events) {
        return (int) events.stream().filter(e -> e.type().equals(UserEventTypes.VOTE_CAST)).count();
    }
}
