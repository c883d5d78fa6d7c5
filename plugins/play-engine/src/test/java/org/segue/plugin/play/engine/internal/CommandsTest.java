package org.segue.plugin.play.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.play.engine.internal.TestPlay.event;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.command.Command;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.CapturedCommandContext;

class CommandsTest {

    @TempDir
    Path dir;
    PlayEngine engine;

    @BeforeEach
    void open() throws IOException {
        engine = new PlayEngine();
        engine.addBadge(TestPlay.counting("test.badge.mixes/1", UserEventTypes.MIX_CREATED, 2));
        engine.addChallenge(TestPlay.votes("test.challenge.vote/1"));
        engine.open(dir, 1000, 100);
        engine.record(event("ana", UserEventTypes.MIX_CREATED, 0, UserEventTypes.ENERGIES, "0.5"));
        engine.record(event("ana", UserEventTypes.MIX_CREATED, 1, UserEventTypes.ENERGIES, "0.5"));
        engine.record(event("bob", UserEventTypes.MIX_CREATED, 2));
        engine.record(event("bob", UserEventTypes.VOTE_CAST, 3, UserEventTypes.AUTHOR, "ana", UserEventTypes.MIX, "m",
                UserEventTypes.CHALLENGE, "test.challenge.vote/1"));
    }

    @AfterEach
    void close() throws IOException {
        engine.close();
    }

    private CapturedCommandContext run(Command c, int expected, String... args) throws Exception {
        CapturedCommandContext ctx = new CapturedCommandContext(dir, args);
        assertEquals(expected, c.run(ctx), ctx.printed() + ctx.errors());
        return ctx;
    }

    @Test
    void badgesShowEarnedAndProgress() throws Exception {
        BadgesCommand c = new BadgesCommand();
        c.engine = engine;
        String ana = run(c, Command.OK, "--user", "ana").printed();
        assertTrue(ana.contains("earned") && ana.contains("2026-03-02T10:01:00Z") && ana.contains("1 of 1 badges earned by ana"), ana);
        String bob = run(c, Command.OK, "--user", "bob").printed();
        assertTrue(bob.contains("50 %") && bob.contains("0 of 1"), bob);
        assertTrue(run(c, Command.USAGE, "--usr", "x").errors().contains("unknown option --usr"));
    }

    @Test
    void leaderboardJoinShowAndErrors() throws Exception {
        LeaderboardCommand c = new LeaderboardCommand();
        c.engine = engine;
        c.clock = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);
        assertTrue(run(c, Command.OK, "test.challenge.vote/1").printed().contains("0 players"));
        run(c, Command.OK, "join", "Selecta", "--user", "ana");
        String page = run(c, Command.OK, "test.challenge.vote/1", "--page", "1").printed();
        assertTrue(page.contains("1      Selecta                  1") && page.contains("page 1 of 1, 1 players"), page);
        assertTrue(run(c, Command.OK, "global").printed().contains("Selecta                  10"));
        assertTrue(run(c, Command.FAILURE, "join", "selecta", "--user", "bob").errors().contains("taken"));
        assertTrue(run(c, Command.FAILURE, "nope/1").errors().contains("no challenge nope/1"));
        assertTrue(run(c, Command.USAGE, "global", "--page", "0").errors().contains("--page must be"));
        assertTrue(run(c, Command.USAGE, "global", "--size", "501").errors().contains("--size must be at most 500"));
    }

    @Test
    void challengesAndStats() throws Exception {
        ChallengesCommand ch = new ChallengesCommand();
        ch.engine = engine;
        String list = run(ch, Command.OK, "--user", "ana").printed();
        assertTrue(list.contains("test.challenge.vote/1") && list.contains("2026-03-01T00:00:00Z"), list);
        StatsCommand st = new StatsCommand();
        st.engine = engine;
        String stats = run(st, Command.OK, "--user", "ana").printed();
        assertTrue(stats.contains("2 mixes") && stats.contains("0.50 0.50"), stats);
        assertTrue(run(st, Command.OK, "--user", "nobody").printed().contains("no listening or mixing recorded for nobody"));
    }
}
