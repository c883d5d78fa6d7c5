package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.recommend.core.internal.Requests.ids;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.library.TrackId;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;

class CollaborativeRecommenderTest {
    static final double NAN = Double.NaN;
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;
    MemoryLibrary library = new MemoryLibrary();

    @BeforeEach
    void setUp() {
        // Identical features: only who likes what tells these tracks apart.
        for (String g : List.of("a", "b")) {
            for (int i = 1; i <= 6; i++) {
                library.add(g + i, "Artist", "pop", 120, "8A", 0.5, NAN, NAN);
            }
        }
    }

    CollaborativeRecommender recommender(Path folder) {
        CollaborativeRecommender r = new CollaborativeRecommender();
        r.libraries = UserLibraries.of(library);
        r.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        r.configure(folder, Duration.ofDays(30), 2, 1, 200);
        return r;
    }

    static Feedback fb(String user, String track, FeedbackKind kind, double value, Instant time) {
        return new Feedback(user, new TrackId(track), kind, value, time);
    }

    static void likes(CollaborativeRecommender r, String user, String... tracks) {
        for (String t : tracks) {
            r.learn(fb(user, t, FeedbackKind.LIKE, 1, NOW));
        }
    }

    static RecommendationRequest request(String user, String... seeds) {
        return new RecommendationRequest(user, List.of(seeds).stream().map(TrackId::new).toList(),
                ListeningContext.any(), 10, Set.of());
    }

    @Test
    void scoresAreTheCosineEvidenceComputedByHand() {
        CollaborativeRecommender r = recommender(null);
        likes(r, "u1", "a1", "a2");
        likes(r, "u2", "a1", "a3");
        // For u1: the only other listener of a1 (u2) likes a3; over the other listeners a1 and a3 have
        // the column (1) each, so sim(a1,a3) = 1; a2 has no other listener. Evidence 1·1, score 1-e^-1.
        List<Recommendation> recs = r.recommend(request("u1"));
        assertEquals(List.of("a3"), ids(recs));
        assertEquals(1 - Math.exp(-1), recs.get(0).score(), 1e-12);
        assertEquals("liked by 1 listener who also liked Artist – Title a1 (1.00)", recs.get(0).explanation());

        // A third listener likes a1 and a4 but played a3 only: columns over {u2,u3}: a1 (1,1),
        // a3 (1,0.4), a4 (0,1). sim(a1,a3) = 1.4/(√2·√1.16), sim(a1,a4) = 1/√2.
        r.learn(fb("u3", "a1", FeedbackKind.LIKE, 1, NOW));
        r.learn(fb("u3", "a3", FeedbackKind.PLAY, 1, NOW));
        r.learn(fb("u3", "a4", FeedbackKind.LIKE, 1, NOW));
        recs = r.recommend(request("u1"));
        assertEquals(List.of("a3", "a4"), ids(recs));
        assertEquals(1 - Math.exp(-1.4 / Math.sqrt(2 * 1.16)), recs.get(0).score(), 1e-12);
        assertEquals(1 - Math.exp(-1 / Math.sqrt(2)), recs.get(1).score(), 1e-12);
        assertTrue(recs.get(0).explanation().startsWith("liked by 2 listeners who also liked Artist – Title a1"),
                recs.get(0).explanation());
    }

    @Test
    void twoGroupsWithDisjointTastesGetRecommendationsWithinTheirGroup() {
        CollaborativeRecommender r = recommender(null);
        // Group a shares a1..a6, group b shares b1..b6; each listener knows four of the six.
        for (int u = 0; u < 3; u++) {
            for (String g : List.of("a", "b")) {
                for (int k = 0; k < 4; k++) {
                    r.learn(fb(g + "-fan-" + u, g + (1 + (u * 2 + k) % 6), FeedbackKind.LIKE, 1, NOW));
                }
                // Everybody also plays a track of the other group and skips it: noise across groups.
                String other = g.equals("a") ? "b" : "a";
                r.learn(fb(g + "-fan-" + u, other + (1 + u), FeedbackKind.SKIP, 0.1, NOW));
            }
        }
        for (int u = 0; u < 3; u++) {
            for (String g : List.of("a", "b")) {
                List<String> got = ids(r.recommend(request(g + "-fan-" + u)));
                assertEquals(2, got.size(), got.toString());
                assertTrue(got.stream().allMatch(t -> t.startsWith(g)), g + "-fan-" + u + " got " + got);
            }
        }
        // A newcomer seeded with a b track is recommended b tracks only.
        List<String> newcomer = ids(r.recommend(request("newcomer", "b2")));
        assertEquals(5, newcomer.size(), newcomer.toString());
        assertTrue(newcomer.stream().allMatch(t -> t.startsWith("b")), newcomer.toString());
    }

    @Test
    void silentUntilTwoUsersHaveFeedback() {
        CollaborativeRecommender r = recommender(null);
        likes(r, "u1", "a1", "a2");
        assertEquals(List.of(), r.recommend(request("u2", "a1")));
        r.learn(fb("u2", "a1", FeedbackKind.SKIP, 0, NOW));
        assertEquals(List.of(), r.recommend(request("u2", "a1")), "a skip alone does not make u2 a second fan");
        likes(r, "u2", "a3");
        assertEquals(List.of("a2"), ids(r.recommend(request("u3", "a1"))));
    }

    @Test
    void recencyDecayAndDislikesWeighTheEvidence() {
        CollaborativeRecommender r = recommender(null);
        likes(r, "u2", "a1", "a3");
        likes(r, "u3", "a2", "a4");
        // u1 liked a1 two half-lives ago and a2 now: a4 (via a2) outranks a3 (via a1) by 1 to 0.25.
        r.learn(fb("u1", "a1", FeedbackKind.LIKE, 1, NOW.minus(Duration.ofDays(60))));
        r.learn(fb("u1", "a2", FeedbackKind.LIKE, 1, NOW));
        List<Recommendation> recs = r.recommend(request("u1"));
        assertEquals(List.of("a4", "a3"), ids(recs));
        assertEquals(1 - Math.exp(-0.25), recs.get(1).score(), 1e-9);
        // Disliking a1 now (0.25 - 1 < 0) leaves a3 with negative evidence: no longer recommended.
        r.learn(fb("u1", "a1", FeedbackKind.DISLIKE, 1, NOW));
        assertEquals(List.of("a4"), ids(r.recommend(request("u1"))));
        assertEquals(0, r.rerank(request("u1"), new TrackId("a3")).orElseThrow().score());
        assertTrue(r.rerank(request("u1"), new TrackId("b1")).isEmpty(), "no listener links b1 to u1");
    }

    @Test
    void excludedTracksAndTracksOutsideTheUsersLibraryAreLeftOut() {
        CollaborativeRecommender r = recommender(null);
        likes(r, "u2", "a1", "a2", "a3", "gone");
        likes(r, "u1", "a1");
        RecommendationRequest req = new RecommendationRequest("u1", List.of(), ListeningContext.any(), 10,
                Set.of(new TrackId("a2")));
        assertEquals(List.of("a3"), ids(r.recommend(req)));
    }

    @Test
    void historySurvivesARestartAndATornLastLine() throws Exception {
        CollaborativeRecommender r = recommender(dir);
        likes(r, "u1", "a1", "a2");
        likes(r, "sam/../../etc", "a1", "a3");
        List<Recommendation> before = r.recommend(request("u1"));
        assertEquals(List.of("a3"), ids(before));
        // A crash in the middle of writing the next event, half-way through a two-byte character.
        Path u1 = new InteractionStore(dir).file("u1");
        byte[] torn = "{\"track\":\"caf\u00e9".getBytes(StandardCharsets.UTF_8);
        Files.write(u1, Arrays.copyOf(torn, torn.length - 1), StandardOpenOption.APPEND);
        CollaborativeRecommender restarted = recommender(dir);
        assertEquals(before, restarted.recommend(request("u1")));
        // The next event cuts the torn line off instead of gluing onto it.
        restarted.learn(fb("u1", "a5", FeedbackKind.LIKE, 1, NOW));
        assertEquals(4, Files.readAllLines(u1).size(), "header and three events");
        assertEquals(List.of("u1", "sam/../../etc").stream().sorted().toList(),
                new InteractionStore(dir).loadAll().keySet().stream().toList());
        assertEquals(3, new InteractionStore(dir).loadAll().get("u1").size());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "one file per user, nothing outside the folder");
        }
    }

    @Test
    void aCorruptLineInTheMiddleIsAnErrorNamingFileAndLine() throws Exception {
        CollaborativeRecommender r = recommender(dir);
        likes(r, "u1", "a1", "a2");
        Path u1 = new InteractionStore(dir).file("u1");
        List<String> lines = new ArrayList<>(Files.readAllLines(u1));
        lines.set(1, "not json");
        Files.write(u1, lines);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new InteractionStore(dir).loadAll());
        assertTrue(e.getMessage().startsWith(u1 + ":2: not a feedback line"), e.getMessage());
    }
}
