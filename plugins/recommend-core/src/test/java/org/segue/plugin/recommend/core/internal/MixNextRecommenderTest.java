package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.recommend.core.internal.Requests.ids;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.segue.api.library.TrackId;
import org.segue.api.recommend.Recommendation;

class MixNextRecommenderTest {
    static final double NAN = Double.NaN;

    MemoryLibrary library = new MemoryLibrary();
    MixNextRecommender mixNext = new MixNextRecommender();
    TrackId seed;

    @BeforeEach
    void setUp() {
        seed = library.add("seed", "Ann", "house", 124, "8A", 0.60, NAN, NAN);
        library.add("camelot-neighbour", "Bo", "house", 125, "9A", 0.65, NAN, NAN);
        library.add("clashing-key", "Cy", "house", 124, "3B", 0.65, NAN, NAN);
        library.add("same-key-far-tempo", "Di", "house", 131, "8A", 0.65, NAN, NAN);
        library.add("energy-drop", "Ed", "house", 124, "9A", 0.15, NAN, NAN);
        mixNext.libraries = UserLibraries.of(library);
    }

    @Test
    void prefersTheCamelotNeighbourAtCloseTempoAndFiltersClashes() {
        mixNext.activate(Configs.defaults(MixNextRecommender.Config.class));
        List<Recommendation> recs = mixNext.recommend(Requests.seed(seed, 10));
        assertEquals("camelot-neighbour", recs.get(0).track().value());
        assertFalse(ids(recs).contains("clashing-key"), "searched by compatible keys only");
        assertTrue(ids(recs).indexOf("same-key-far-tempo") > 0);
        assertTrue(ids(recs).indexOf("energy-drop") > 0);
        assertEquals("mixes after Ann – Title seed; 124 → 125 bpm; 8A → 9A; energy 0.60 → 0.65",
                recs.get(0).explanation());
    }

    @Test
    void scoresAClashingKeyBelowTheNeighbourWhenClashesAreSearchedToo() {
        mixNext.activate(Configs.of(MixNextRecommender.Config.class, Map.of("compatibleKeysOnly", false)));
        List<Recommendation> recs = mixNext.recommend(Requests.seed(seed, 10));
        List<String> ids = ids(recs);
        assertEquals("camelot-neighbour", ids.get(0));
        assertTrue(ids.indexOf("clashing-key") > ids.indexOf("camelot-neighbour"));
        // Hand-computed: tempo 1 - (1/124)/0.06 = 0.8656, key 0.9, energy 1 → (0.35·0.8656 + 0.4·0.9 + 0.25) / 1.
        assertEquals(0.35 * (1 - (1.0 / 124) / 0.06) + 0.4 * 0.9 + 0.25, recs.get(0).score(), 1e-6);
        // The clash: tempo 1, key 0, energy 1 → 0.6.
        double clash = recs.stream().filter(r -> r.track().value().equals("clashing-key")).findFirst().orElseThrow().score();
        assertEquals(0.6, clash, 1e-6);
    }

    @Test
    void unknownSeedGivesNothing() {
        mixNext.activate(Configs.defaults(MixNextRecommender.Config.class));
        assertEquals(List.of(), mixNext.recommend(Requests.seed(new TrackId("nope"), 5)));
    }
}
