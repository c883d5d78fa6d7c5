package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.library.TrackId;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;

class PreferenceModelTest {
    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    static final Duration HALF_LIFE = Duration.ofDays(10);

    static Feedback feedback(FeedbackKind kind, double value, Instant time) {
        return new Feedback("anna", new TrackId("t"), kind, value, time);
    }

    @Test
    void aWeightHalvesEveryHalfLife() {
        PreferenceModel m = PreferenceModel.empty(HALF_LIFE).learn(feedback(FeedbackKind.LIKE, 1, T0), List.of("genre:house"));
        assertEquals(1.0, m.weight("genre:house", T0), 1e-12);
        assertEquals(0.5, m.weight("genre:house", T0.plus(HALF_LIFE)), 1e-12);
        assertEquals(0.25, m.weight("genre:house", T0.plus(HALF_LIFE.multipliedBy(2))), 1e-12);
    }

    @Test
    void learningDecaysTheOldWeightThenAddsTheSignal() {
        PreferenceModel m = PreferenceModel.empty(HALF_LIFE)
                .learn(feedback(FeedbackKind.LIKE, 1, T0), List.of("genre:house"))
                .learn(feedback(FeedbackKind.LIKE, 1, T0.plus(HALF_LIFE)), List.of("genre:house"));
        assertEquals(1.5, m.weight("genre:house", T0.plus(HALF_LIFE)), 1e-12);
    }

    @Test
    void lateArrivingOldFeedbackCountsAsItsAge() {
        PreferenceModel m = PreferenceModel.empty(HALF_LIFE)
                .learn(feedback(FeedbackKind.LIKE, 1, T0.plus(HALF_LIFE)), List.of("genre:house"))
                .learn(feedback(FeedbackKind.DISLIKE, 1, T0), List.of("genre:house"));
        assertEquals(1 - 0.5, m.weight("genre:house", T0.plus(HALF_LIFE)), 1e-12);
    }

    @Test
    void oldLikesCountLessThanRecentOnes() {
        PreferenceModel m = PreferenceModel.empty(HALF_LIFE)
                .learn(feedback(FeedbackKind.LIKE, 1, T0), List.of("genre:house"))
                .learn(feedback(FeedbackKind.LIKE, 1, T0.plus(Duration.ofDays(30))), List.of("genre:techno"));
        Instant now = T0.plus(Duration.ofDays(30));
        assertEquals(0.125, m.weight("genre:house", now), 1e-12);
        assertEquals(1.0, m.weight("genre:techno", now), 1e-12);
    }

    @Test
    void signalsPerKind() {
        assertEquals(1, PreferenceModel.signal(FeedbackKind.LIKE, 1));
        assertEquals(-1, PreferenceModel.signal(FeedbackKind.DISLIKE, 1));
        assertEquals(0.4, PreferenceModel.signal(FeedbackKind.PLAY, 1), 1e-12);
        assertEquals(-0.6 * 0.9, PreferenceModel.signal(FeedbackKind.SKIP, 0.1), 1e-12);
        assertEquals(0.6, PreferenceModel.signal(FeedbackKind.RATING, 0.8), 1e-12);
        assertEquals(0, PreferenceModel.signal(FeedbackKind.TRANSITION_RATING, 1));
        PreferenceModel empty = PreferenceModel.empty(HALF_LIFE);
        assertSame(empty, empty.learn(feedback(FeedbackKind.TRANSITION_RATING, 1, T0), List.of("genre:x")));
    }

    @Test
    void featuresAndScoreExplainThemselves() {
        MemoryLibrary library = new MemoryLibrary();
        library.add("h", "DJ Sol", "House", 124.6, "8A", 0.7, Double.NaN, Double.NaN);
        TrackFeatures t = TrackFeatures.of(library, new TrackId("h")).orElseThrow();
        assertEquals(List.of("genre:house", "mode:minor", "tempo:120-129", "energy:high", "artist:dj sol"),
                PreferenceModel.features(t));
        PreferenceModel m = PreferenceModel.empty(HALF_LIFE).learn(feedback(FeedbackKind.LIKE, 1, T0),
                List.of("genre:house")).learn(feedback(FeedbackKind.SKIP, 0, T0), List.of("tempo:120-129"));
        PreferenceModel.Scored s = m.score(t, T0);
        assertEquals(1 / (1 + Math.exp(-(1 - 0.6))), s.score(), 1e-12);
        assertEquals("likes genre house (+1.00), avoids tempo 120-129 (-0.60)", s.why());
        assertTrue(PreferenceModel.empty(HALF_LIFE).score(t, T0).unknown());
    }
}
