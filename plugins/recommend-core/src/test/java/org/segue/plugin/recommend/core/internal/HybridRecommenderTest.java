package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.segue.api.library.TrackId;
import org.segue.api.recommend.Activity;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;

class HybridRecommenderTest {
    static final double NAN = Double.NaN;
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    MemoryLibrary library = new MemoryLibrary();
    HybridRecommender hybrid = new HybridRecommender();
    PreferenceRecommender preference = new PreferenceRecommender();
    TrackId seed;

    @BeforeEach
    void setUp() {
        seed = library.add("seed", "Ann", "house", 124, "8A", 0.7, 0.5, 0.5, 1, 0, 0);
        library.add("twin", "Bo", "house", 125, "8A", 0.75, 0.5, 0.5, 0.97f, 0.1f, 0);
        library.add("cousin", "Cy", "techno", 126, "9A", 0.8, 0.5, 0.5, 0.9f, 0.3f, 0);
        library.add("stranger", "Di", "ambient", 70, "2B", 0.1, 0.2, -0.7, 0, 0, 1);
        SimilarRecommender similar = new SimilarRecommender();
        similar.libraries = UserLibraries.of(library);
        similar.activate(Configs.defaults(SimilarRecommender.Config.class));
        MixNextRecommender mixNext = new MixNextRecommender();
        mixNext.libraries = UserLibraries.of(library);
        mixNext.activate(Configs.defaults(MixNextRecommender.Config.class));
        preference.libraries = UserLibraries.of(library);
        preference.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        preference.configure(null, Duration.ofDays(30), 100);
        hybrid.activate(Configs.defaults(HybridRecommender.Config.class));
        hybrid.addPart(similar, Map.of(Recommender.ID, SimilarRecommender.ID));
        hybrid.addPart(mixNext, Map.of(Recommender.ID, MixNextRecommender.ID));
        hybrid.addPart(preference, Map.of(Recommender.ID, PreferenceRecommender.ID));
    }

    RecommendationRequest request() {
        return new RecommendationRequest("anna", List.of(seed), new ListeningContext(null, null, Activity.PARTY), 5,
                Set.of());
    }

    @Test
    void explanationsNameTheirPartsAndScoresBlendByWeight() {
        preference.learn(new Feedback("anna", new TrackId("cousin"), FeedbackKind.LIKE, 1, NOW));
        List<Recommendation> recs = hybrid.recommend(request());
        assertEquals(List.of("twin", "cousin"), Requests.ids(recs));
        Recommendation twin = recs.get(0);
        assertTrue(twin.explanation().matches("\\[(similar|mix-next) [0-9.]+ \\+ (similar|mix-next) [0-9.]+ \\+ preference [0-9.]+\\] .*"),
                twin.explanation());
        assertTrue(twin.explanation().contains("sounds like Ann – Title seed"), twin.explanation());
        // The preference part reranked "twin", which it did not find itself: artist and genre unknown, mode/tempo/energy liked.
        double s = similar(twin);
        assertTrue(s > 0 && s < 1);
    }

    private static double similar(Recommendation r) {
        return r.score();
    }

    @Test
    void blendIsTheWeightedMeanOverAnsweringParts() {
        Recommender a = req -> List.of(new Recommendation(new TrackId("twin"), 0.8, "because a"));
        Recommender b = req -> List.of(new Recommendation(new TrackId("twin"), 0.4, "because b"),
                new Recommendation(new TrackId("cousin"), 1.0, "because b too"));
        HybridRecommender h = new HybridRecommender();
        h.configure(Map.of("a", 3.0, "b", 1.0), 0);
        h.addPart(a, Map.of(Recommender.ID, "segue.recommender.a/1"));
        h.addPart(b, Map.of(Recommender.ID, "segue.recommender.b/2"));
        h.addPart(req -> {
            throw new IllegalStateException("broken part");
        }, Map.of(Recommender.ID, "segue.recommender.broken/1"));
        List<Recommendation> recs = h.recommend(request());
        assertEquals("twin", recs.get(0).track().value());
        assertEquals((3 * 0.8 + 1 * 0.4) / 4, recs.get(0).score(), 1e-12);
        assertEquals("[a 0.80 + b 0.40] because a; because b", recs.get(0).explanation());
        assertEquals(1.0 / 4, recs.get(1).score(), 1e-12);
        assertEquals("[b 1.00] because b too", recs.get(1).explanation());
    }

    @Test
    void removedPartsStopContributing() {
        Recommender a = req -> List.of(new Recommendation(new TrackId("twin"), 0.8, "because a"));
        HybridRecommender h = new HybridRecommender();
        h.configure(Map.of(), 1);
        Map<String, Object> props = Map.of(Recommender.ID, "segue.recommender.a/1");
        h.addPart(a, props);
        assertEquals(1, h.recommend(request()).size());
        h.removePart(a, props);
        assertEquals(List.of(), h.recommend(request()));
    }

    @Test
    void collaborativeFilteringJoinsTheBlendOnceTwoUsersHaveFeedback() {
        CollaborativeRecommender cf = new CollaborativeRecommender();
        cf.libraries = UserLibraries.of(library);
        cf.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        cf.configure(null, Duration.ofDays(30), 2, 1, 200);
        hybrid.addPart(cf, Map.of(Recommender.ID, CollaborativeRecommender.ID));
        Feedback annaLikesStranger = new Feedback("anna", new TrackId("stranger"), FeedbackKind.LIKE, 1, NOW);
        cf.learn(annaLikesStranger);
        preference.learn(annaLikesStranger);
        // One user: collaborative stays silent, the stranger (no mixable neighbour of the seed) is not found.
        assertTrue(hybrid.recommend(request()).stream().noneMatch(r -> r.explanation().contains("collaborative")));
        // Ben likes the seed and the stranger: listeners of the seed also like the stranger.
        for (String t : List.of("seed", "stranger")) {
            cf.learn(new Feedback("ben", new TrackId(t), FeedbackKind.LIKE, 1, NOW));
        }
        List<Recommendation> recs = hybrid.recommend(new RecommendationRequest("carl", List.of(seed),
                new ListeningContext(null, null, Activity.PARTY), 5, Set.of()));
        Recommendation stranger = recs.stream().filter(r -> r.track().value().equals("stranger")).findFirst().orElseThrow();
        // Over the listeners other than carl (anna, ben): seed (0,1), stranger (1,1), cosine 1/√2.
        assertEquals("[collaborative 0.51] liked by 1 listener who also liked Ann – Title seed (0.71)",
                stranger.explanation());
        // Its only part, collaborative 1-e^-(1/√2) at weight 0.25, over the weights of the parts that
        // answered (similar, mix-next, collaborative; carl has no preference model).
        assertEquals(0.25 * (1 - Math.exp(-1 / Math.sqrt(2))) / (0.3 + 0.3 + 0.25), stranger.score(), 1e-12);
        assertTrue(recs.stream().allMatch(r -> !r.explanation().isBlank()));
    }

    @Test
    void parsesWeightsAndShortNames() {
        assertEquals(Map.of("mix-next", 0.3, "x", 1.0), HybridRecommender.parseWeights(new String[] {"mix-next=0.3", " x = 1 "}));
        assertEquals("mix-next", HybridRecommender.shortName("segue.recommender.mix-next/1"));
    }
}
