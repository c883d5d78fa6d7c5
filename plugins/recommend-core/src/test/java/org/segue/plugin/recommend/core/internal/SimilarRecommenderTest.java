package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.recommend.core.internal.Requests.ids;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.segue.api.library.TrackId;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;

class SimilarRecommenderTest {
    static final double NAN = Double.NaN;

    MemoryLibrary library = new MemoryLibrary();
    SimilarRecommender similar = new SimilarRecommender();
    TrackId seed;

    @BeforeEach
    void setUp() {
        seed = library.add("seed", "Ann", "house", 124, "8A", 0.6, NAN, NAN, 1, 0, 0);
        library.add("neighbour", "Bo", "house", 126, "9A", 0.6, NAN, NAN, 0.95f, 0.1f, 0);
        library.add("clash", "Cy", "house", 124, "3B", 0.6, NAN, NAN, 0.99f, 0.01f, 0);
        library.add("too-fast", "Di", "house", 140, "8A", 0.6, NAN, NAN, 0.98f, 0.05f, 0);
        library.add("half-time", "Ed", "dub", 63, "8B", 0.6, NAN, NAN, 0.9f, 0.3f, 0);
        library.add("far", "Fi", "pop", 125, "7A", 0.6, NAN, NAN, 0, 1, 0);
        similar.libraries = UserLibraries.of(library);
        similar.activate(Configs.defaults(SimilarRecommender.Config.class));
    }

    @Test
    void returnsTheNearestMixableNeighboursInOrderOfSimilarity() {
        List<Recommendation> recs = similar.recommend(Requests.seed(seed, 10));
        // The two nearest overall (clash, too-fast) do not mix; the seed itself is never recommended.
        assertEquals(List.of("neighbour", "half-time", "far"), ids(recs));
        assertEquals(MemoryLibrary.cosine(new float[] {1, 0, 0}, new float[] {0.95f, 0.1f, 0}), recs.get(0).score(), 1e-6);
        assertTrue(recs.get(0).score() > recs.get(1).score());
    }

    @Test
    void explainsSoundTempoAndKey() {
        List<Recommendation> recs = similar.recommend(Requests.seed(seed, 2));
        assertEquals("sounds like Ann – Title seed (0.99); 124 → 126 bpm; 8A → 9A", recs.get(0).explanation());
        assertEquals("sounds like Ann – Title seed (0.95); 124 → 63 bpm (half time); 8A → 8B", recs.get(1).explanation());
    }

    @Test
    void honoursLimitAndExclusions() {
        RecommendationRequest request = new RecommendationRequest("anna", List.of(seed), ListeningContext.any(), 1,
                Set.of(new TrackId("neighbour")));
        assertEquals(List.of("half-time"), ids(similar.recommend(request)));
    }

    @Test
    void withoutTheKeyFilterTheClosestSoundWins() {
        similar.activate(Configs.of(SimilarRecommender.Config.class, Map.of("harmonic", false)));
        assertEquals("clash", ids(similar.recommend(Requests.seed(seed, 10))).get(0));
    }

    @Test
    void aSeedWithoutEmbeddingGivesNothing() {
        TrackId bare = library.add("bare", "Gil", "house", 124, "8A", 0.6, NAN, NAN);
        assertEquals(List.of(), similar.recommend(Requests.seed(bare, 5)));
    }
}
