package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segue.plugin.recommend.core.internal.Requests.ids;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.segue.api.library.Range;
import org.segue.api.recommend.Activity;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.Recommendation;

class ContextRecommenderTest {
    MemoryLibrary library = new MemoryLibrary();
    ContextRecommender context = new ContextRecommender();

    @BeforeEach
    void setUp() {
        library.add("sprint", "A", "techno", 138, "8A", 0.92, 0.3, 0.8);
        library.add("banger", "B", "house", 128, "9A", 0.80, 0.6, 0.6);
        library.add("groove", "C", "funk", 110, "4B", 0.55, 0.5, 0.1);
        library.add("lullaby", "D", "ambient", 70, "1B", 0.10, 0.3, -0.8);
        library.add("drift", "E", "ambient", 85, "2A", 0.25, 0.1, -0.5);
        context.libraries = UserLibraries.of(library);
        context.activate(Configs.defaults(ContextRecommender.Config.class));
    }

    @Test
    void workoutRanksHighEnergyFastTracksFirst() {
        List<Recommendation> recs = context.recommend(Requests.context(new ListeningContext(null, null,
                Activity.WORKOUT), 5));
        assertEquals(List.of("sprint", "banger"), ids(recs).subList(0, 2));
        // Hand-computed: energy 1-0.2·0.07/0.15, bpm 1-0.2·0.5/12.5, valence 1-0.2·0.2/0.5, arousal 1-0.2·0.1/0.3.
        double sprint = (0.4 * (1 - 0.2 * 0.07 / 0.15) + 0.3 * (1 - 0.2 * 0.5 / 12.5) + 0.15 * (1 - 0.2 * 0.2 / 0.5)
                + 0.15 * (1 - 0.2 * 0.1 / 0.3)) / 1.0;
        assertEquals(sprint, recs.get(0).score(), 1e-6);
        // The library search already drops tracks more than the margin below the energy range.
        assertTrue(!ids(recs).contains("lullaby") && !ids(recs).contains("drift"), ids(recs).toString());
        assertTrue(recs.get(0).explanation().startsWith("fits workout: energy 0.92 (0.70-1.00), 138 bpm (125-150)"),
                recs.get(0).explanation());
    }

    @Test
    void windDownRanksTheCalmOnesFirst() {
        List<Recommendation> recs = context.recommend(Requests.context(new ListeningContext(null, null,
                Activity.WIND_DOWN), 5));
        assertEquals(java.util.Set.of("lullaby", "drift"), java.util.Set.copyOf(ids(recs).subList(0, 2)));
        assertTrue(recs.get(1).score() > 0.9, "both calm tracks fit: " + recs);
        assertTrue(!ids(recs).contains("sprint") && !ids(recs).contains("banger"), ids(recs).toString());
        assertTrue(recs.get(1).score() > 1.5 * recs.get(2).score(), "groove is far behind: " + recs);
    }

    @Test
    void timeOfDayAloneSetsEnergyAndMoodWordsSetValenceArousal() {
        ContextTargets night = ContextTargets.of(new ListeningContext(LocalTime.of(23, 30), "calm", Activity.ANY));
        assertEquals(new Range(0, 0.4), night.energy());
        assertEquals(new Range(-1, -0.2), night.arousal());
        assertEquals("night, calm", night.name());
        // Workout in the evening: energy 0.70-1.00 moves a quarter towards 0.30-0.70 (centre 0.85 → 0.50).
        ContextTargets t = ContextTargets.of(new ListeningContext(LocalTime.of(19, 0), null, Activity.WORKOUT));
        assertEquals(0.70 - 0.0875, t.energy().min(), 1e-9);
        assertEquals("workout in the evening", t.name());
    }

    @Test
    void noContextGivesNothing() {
        assertEquals(List.of(), context.recommend(Requests.context(ListeningContext.any(), 5)));
    }

    @Test
    void fitFallsLinearlyOutsideTheRange() {
        assertEquals(1, ContextRecommender.fit(new Range(0.7, 1), 0.85, 0.3), 1e-12);
        assertEquals(0.8, ContextRecommender.fit(new Range(0.7, 1), 1.0, 0.3), 1e-12);
        assertEquals(0.4, ContextRecommender.fit(new Range(0.7, 1), 0.55, 0.3), 1e-12);
        assertEquals(0, ContextRecommender.fit(new Range(0.7, 1), 0.2, 0.3), 1e-12);
    }
}
