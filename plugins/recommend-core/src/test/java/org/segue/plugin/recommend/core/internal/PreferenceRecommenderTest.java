package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.recommend.core.internal.Requests.ids;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.library.TrackId;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;

class PreferenceRecommenderTest {
    static final double NAN = Double.NaN;
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;
    MemoryLibrary library = new MemoryLibrary();

    @BeforeEach
    void setUp() {
        // Keys, tempi and energies are shared, so genre and artist tell the tracks apart.
        for (int i = 0; i < 3; i++) {
            library.add("house-" + i, "House Artist " + i, "house", 125, "8A", 0.7, NAN, NAN);
            library.add("techno-" + i, "Techno Artist " + i, "techno", 125, "8A", 0.7, NAN, NAN);
        }
    }

    PreferenceRecommender recommender() {
        PreferenceRecommender r = new PreferenceRecommender();
        r.libraries = UserLibraries.of(library);
        r.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        r.configure(dir, Duration.ofDays(30), 500);
        return r;
    }

    static Feedback fb(String user, String track, FeedbackKind kind, double value, Instant time) {
        return new Feedback(user, new TrackId(track), kind, value, time);
    }

    static RecommendationRequest request(String user) {
        return new RecommendationRequest(user, List.of(), ListeningContext.any(), 10, java.util.Set.of());
    }

    @Test
    void likesOfHouseAndSkipsOfTechnoRankHouseHigher() {
        PreferenceRecommender r = recommender();
        r.learn(fb("anna", "house-0", FeedbackKind.LIKE, 1, NOW));
        r.learn(fb("anna", "house-1", FeedbackKind.PLAY, 1, NOW));
        r.learn(fb("anna", "techno-0", FeedbackKind.SKIP, 0.05, NOW));
        r.learn(fb("anna", "techno-1", FeedbackKind.SKIP, 0.1, NOW));
        List<Recommendation> recs = r.recommend(request("anna"));
        assertEquals(List.of("house-0", "house-1", "house-2"), ids(recs).subList(0, 3));
        // Within a genre the artists' own feedback orders: house 0 liked (+1) > 1 played (+0.4) > 2 unknown;
        // techno 2 unknown > 1 skipped at 10 % (-0.54) > 0 skipped at 5 % (-0.57).
        assertEquals(List.of("techno-2", "techno-1", "techno-0"), ids(recs).subList(3, 6));
        assertTrue(recs.get(0).explanation().contains("likes genre house (+1.40)"), recs.get(0).explanation());
        assertTrue(recs.get(5).explanation().contains("avoids genre techno (-1.11)"), recs.get(5).explanation());
        // Another user learnt nothing.
        assertEquals(List.of(), r.recommend(request("ben")));
    }

    @Test
    void oldFeedbackCountsLess() {
        PreferenceRecommender r = recommender();
        r.learn(fb("anna", "techno-0", FeedbackKind.LIKE, 1, NOW.minus(Duration.ofDays(90))));
        r.learn(fb("anna", "house-0", FeedbackKind.LIKE, 1, NOW.minus(Duration.ofDays(30))));
        // techno: 1 · 2^-3 = 0.125; house: 1 · 2^-1 = 0.5; the shared features cancel out of the order.
        assertEquals(0.125, r.model("anna").weight("genre:techno", NOW), 1e-9);
        assertEquals(0.5, r.model("anna").weight("genre:house", NOW), 1e-9);
        assertEquals("house-0", r.recommend(request("anna")).get(0).track().value());
    }

    @Test
    void modelsSurviveARestart() throws Exception {
        PreferenceRecommender r = recommender();
        r.learn(fb("anna", "house-0", FeedbackKind.LIKE, 1, NOW));
        r.learn(fb("sam/../../etc", "techno-0", FeedbackKind.DISLIKE, 1, NOW));
        PreferenceRecommender restarted = recommender();
        assertEquals(r.model("anna"), restarted.model("anna"));
        assertEquals(r.model("sam/../../etc"), restarted.model("sam/../../etc"));
        assertEquals(-1, restarted.model("sam/../../etc").weight("genre:techno", NOW), 1e-12);
        String json = Files.readString(dir.resolve("anna.json"));
        assertTrue(json.contains("\"schema\" : 1") && json.contains("\"genre:house\""), json);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "two user files, no temporary leftovers, nothing outside the folder");
        }
    }

    @Test
    void feedbackOnUnknownTracksIsSkipped() {
        PreferenceRecommender r = recommender();
        r.learn(fb("anna", "missing", FeedbackKind.LIKE, 1, NOW));
        assertTrue(r.model("anna").weights().isEmpty());
        assertTrue(Files.notExists(dir.resolve("anna.json")));
    }
}
