package org.segue.plugin.planner.harmonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.StandardResults;
import org.segue.api.audio.TrackTags;
import org.segue.api.mix.SetTrack;
import org.segue.api.testkit.ResultMap;
import org.segue.plugin.planner.harmonic.internal.TrackFeatures.EnergySource;

class TrackFeaturesTest {

    private static TrackFeatures read(ResultMap analysis) {
        return TrackFeatures.of(new SetTrack("t", Path.of("t.wav"), analysis, TrackTags.empty()));
    }

    @Test
    void energyFromCurveThenLoudnessThenMood() {
        ResultMap analysis = new ResultMap("t", 60);
        analysis.put(StandardResults.MOOD, new Mood(0, 0.5));
        assertEquals(0.75, read(analysis).energy(), 1e-9);
        assertEquals(EnergySource.MOOD, read(analysis).energySource());

        analysis.put(StandardResults.LOUDNESS, new Loudness(-10, 5, -1));
        assertEquals(12.0 / 16, read(analysis).energy(), 1e-9);
        assertEquals(EnergySource.LOUDNESS, read(analysis).energySource());

        analysis.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 0.5, new float[] {0.2f, 0.4f, 0.9f}));
        assertEquals(0.5, read(analysis).energy(), 1e-6);
        assertEquals(EnergySource.CURVE, read(analysis).energySource());
    }

    @Test
    void silenceFallsThroughAndNothingIsNeutral() {
        ResultMap analysis = new ResultMap("t", 60);
        analysis.put(StandardResults.LOUDNESS, new Loudness(Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY));
        TrackFeatures features = read(analysis);
        assertTrue(Double.isNaN(features.energy()));
        assertEquals(EnergySource.NONE, features.energySource());
        assertNull(features.key());
        assertTrue(Double.isNaN(features.bpm()));
        assertNull(features.artist());
    }

    @Test
    void loudnessIsClamped() {
        ResultMap loud = new ResultMap("t", 60);
        loud.put(StandardResults.LOUDNESS, new Loudness(-2, 3, 0.5));
        assertEquals(1.0, read(loud).energy());
        ResultMap quiet = new ResultMap("t", 60);
        quiet.put(StandardResults.LOUDNESS, new Loudness(-40, 3, -20));
        assertEquals(0.0, read(quiet).energy());
    }
}
