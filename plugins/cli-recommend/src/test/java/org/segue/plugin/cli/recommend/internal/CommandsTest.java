package org.segue.plugin.cli.recommend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.audio.TrackTags;
import org.segue.api.command.Command;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.recommend.Activity;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.api.testkit.CapturedCommandContext;
import org.segue.plugin.recommend.core.internal.InMemoryLibrary;

class CommandsTest {
    @TempDir
    Path dir;
    InMemoryLibrary library = new InMemoryLibrary();
    List<RecommendationRequest> requests = new ArrayList<>();
    List<Feedback> learnt = new ArrayList<>();

    /** Records what it is asked and told; recommends t2 then t3. */
    Recommender fake = new Recommender() {
        @Override
        public List<Recommendation> recommend(RecommendationRequest request) {
            requests.add(request);
            return List.of(new Recommendation(new TrackId("t2"), 0.9, "same key (8A)"),
                    new Recommendation(new TrackId("t3"), 0.5, "a guess"));
        }

        @Override
        public void learn(Feedback feedback) {
            learnt.add(feedback);
        }
    };

    @BeforeEach
    void setUp() {
        for (String id : List.of("t1", "t2", "t3")) {
            library.put(new Track(new TrackId(id), URI.create("file:///m/" + id), null,
                    new TrackTags("Ann", "Song " + id, null, "house", null, null, Map.of()), 200, TrackSource.local()), null);
        }
    }

    RecommendCommand recommend() {
        RecommendCommand c = new RecommendCommand();
        c.addLibrary(library, Map.of());
        c.addRecommender(fake, Map.of(Recommender.ID, "segue.recommender.mix-next/1"));
        return c;
    }

    @Test
    void recommendPrintsRankedTracksAndWhy() {
        CapturedCommandContext ctx = new CapturedCommandContext(dir, "t1", "--strategy", "mix-next", "--why", "--user", "anna",
                "--context", "workout", "--limit", "2");
        assertEquals(Command.OK, recommend().run(ctx));
        assertEquals("""
                mix-next recommendations after Ann – Song t1 for anna:
                  1. 0.90  Ann – Song t2
                          same key (8A)
                  2. 0.50  Ann – Song t3
                          a guess
                """, ctx.printed());
        RecommendationRequest r = requests.get(0);
        assertEquals("anna", r.userId());
        assertEquals(List.of(new TrackId("t1")), r.seeds());
        assertEquals(Activity.WORKOUT, r.context().activity());
        assertEquals(2, r.limit());
        assertTrue(r.exclude().contains(new TrackId("t1")));
    }

    @Test
    void recommendWithoutWhyHidesExplanations() {
        CapturedCommandContext ctx = new CapturedCommandContext(dir, "t1", "--strategy", "mix-next");
        recommend().run(ctx);
        assertTrue(!ctx.printed().contains("same key"), ctx.printed());
    }

    @Test
    void recommendErrors() {
        CapturedCommandContext usage = new CapturedCommandContext(dir, "--limit", "x");
        assertEquals(Command.USAGE, recommend().run(usage));
        assertTrue(usage.errors().contains("usage: segue recommend"));
        CapturedCommandContext missing = new CapturedCommandContext(dir, "nope", "--strategy", "mix-next");
        assertEquals(Command.FAILURE, recommend().run(missing));
        assertTrue(missing.errors().contains("nope is not in the library"));
        CapturedCommandContext notInstalled = new CapturedCommandContext(dir, "t1", "--strategy", "similar");
        assertEquals(Command.FAILURE, recommend().run(notInstalled));
        assertTrue(notInstalled.errors().contains("no 'similar' recommender installed (installed: mix-next)"),
                notInstalled.errors());
    }

    @Test
    void aFileNamesItsTrackAsImportDoes() throws Exception {
        Path file = Files.writeString(dir.resolve("a.wav"), "x");
        TrackId id = Tracks.resolve(new CapturedCommandContext(dir), "a.wav");
        assertTrue(id.value().matches("local-[0-9a-f]{24}"), id.value());
        library.put(new Track(id, file.toUri(), null, TrackTags.empty(), 1, TrackSource.local()), null);
        CapturedCommandContext ctx = new CapturedCommandContext(dir, "a.wav", "--strategy", "mix-next");
        assertEquals(Command.OK, recommend().run(ctx));
        assertEquals(List.of(id), requests.get(0).seeds());
    }

    @Test
    void feedbackTellsEveryRecommender() {
        FeedbackCommand c = new FeedbackCommand();
        c.addLibrary(library, Map.of());
        c.clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
        c.addRecommender(fake, Map.of(Recommender.ID, "segue.recommender.preference/1"));
        CapturedCommandContext ctx = new CapturedCommandContext(dir, "t2", "skip", "--user", "anna");
        assertEquals(Command.OK, c.run(ctx));
        assertEquals(List.of(new Feedback("anna", new TrackId("t2"), FeedbackKind.SKIP, 0,
                Instant.parse("2024-05-01T10:00:00Z"))), learnt);
        assertEquals("skip of Ann – Song t2 recorded for anna (1 recommenders told)\n", ctx.printed());
        CapturedCommandContext bad = new CapturedCommandContext(dir, "t2", "love");
        assertEquals(Command.USAGE, c.run(bad));
        assertTrue(bad.errors().contains("not like, dislike, skip or play: love"));
    }

    @Test
    void likesAndPlaysAreToldToBadgesAndChallengesOtherFeedbackIsNot() {
        org.segue.api.testkit.RecordingEventLog log = new org.segue.api.testkit.RecordingEventLog();
        FeedbackCommand c = new FeedbackCommand();
        c.addLibrary(library, Map.of());
        c.clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
        c.events = log;
        assertEquals(Command.OK, c.run(new CapturedCommandContext(dir, "t2", "like", "--user", "anna")));
        assertEquals(Command.OK, c.run(new CapturedCommandContext(dir, "t3", "skip", "--user", "anna")));
        assertEquals(Command.OK, c.run(new CapturedCommandContext(dir, "t1", "play", "--user", "anna")));
        List<org.segue.api.play.UserEvent> told = log.events();
        assertEquals(List.of(org.segue.api.play.UserEventTypes.TRACK_LIKED, org.segue.api.play.UserEventTypes.TRACK_PLAYED),
                told.stream().map(org.segue.api.play.UserEvent::type).toList());
        assertEquals(Map.of("track", "t2", "genre", "house"), told.get(0).attributes());
        assertEquals("anna", told.get(0).userId());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), told.get(0).time());
    }

    @Test
    void evalPrintsTheSimulationTable() {
        CapturedCommandContext ctx = new CapturedCommandContext(dir, "--users", "4", "--seed", "7", "--tracks", "300");
        assertEquals(Command.OK, new EvalCommand().run(ctx));
        String out = ctx.printed();
        assertTrue(out.startsWith("SIMULATION, not real listening data: 300 synthetic tracks"), out);
        for (String s : List.of("random", "similar", "mix-next", "context", "preference", "collaborative", "hybrid")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(s + " ")), s + " missing in\n" + out);
        }
        CapturedCommandContext usage = new CapturedCommandContext(dir, "--users", "0");
        assertEquals(Command.USAGE, new EvalCommand().run(usage));
        assertEquals(Command.USAGE, new EvalCommand().run(new CapturedCommandContext(dir, "mix")));
    }
}
