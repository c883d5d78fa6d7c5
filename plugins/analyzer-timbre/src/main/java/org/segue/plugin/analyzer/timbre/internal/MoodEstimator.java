package org.segue.plugin.analyzer.timbre.internal;

import org.segue.api.analysis.Mood;

/**
 * A heuristic estimate of mood on Russell's valence/arousal plane from features one can explain,
 * not a trained model; good for ordering a set, not for claims about a listener's feelings.
 *
 * <p>Arousal (calm to intense): how loud the track is on the cross-track energy scale, how many
 * onsets per second it has, how bright its spectrum is and how much it changes (flux). Valence
 * (dark to bright), without a key or mode: spectral brightness (centroid), harmonic rather than
 * noisy content (1 − flatness) and spectral contrast (clear tones over a floor). Each feature is
 * centred and scaled with fixed constants (below), weighted (arousal: energy 0.5, onsets 0.3,
 * brightness 0.15, flux 0.15; valence: brightness 0.4, harmonicity 0.3, contrast 0.2) and the sum
 * squashed into [−1, 1] by {@code tanh}.
 */
final class MoodEstimator {

    // Centres: the means over Segue's evaluation corpus. Scales: wider than that corpus's spread
    // (40 rendered tracks are more alike than real catalogues), so real tracks rarely saturate.
    private static final double ENERGY_MEAN = 0.42;
    private static final double ENERGY_SCALE = 0.12;
    private static final double ONSETS_MEAN = 3.3;
    private static final double ONSETS_SCALE = 1.5;
    private static final double CENTROID_MEAN = 10.7;
    private static final double CENTROID_SCALE = 0.7;
    private static final double FLUX_MEAN = 0.39;
    private static final double FLUX_SCALE = 0.15;
    private static final double HARMONIC_MEAN = 0.94;
    private static final double HARMONIC_SCALE = 0.08;
    private static final double CONTRAST_MEAN = 2.3;
    private static final double CONTRAST_SCALE = 0.5;

    private MoodEstimator() {
    }

    /**
     * @param meanEnergy mean absolute energy, 0..1
     * @param onsetsPerSecond onset density
     * @param logCentroid mean log2 of the spectral centroid in Hz
     * @param flux mean spectral flux
     * @param flatness mean spectral flatness, 0..1
     * @param contrast mean spectral contrast over the octave bands
     */
    static Mood estimate(double meanEnergy, double onsetsPerSecond, double logCentroid, double flux,
            double flatness, double contrast) {
        double energy = (meanEnergy - ENERGY_MEAN) / ENERGY_SCALE;
        double onsets = (onsetsPerSecond - ONSETS_MEAN) / ONSETS_SCALE;
        double brightness = (logCentroid - CENTROID_MEAN) / CENTROID_SCALE;
        double change = (flux - FLUX_MEAN) / FLUX_SCALE;
        double harmonic = (1 - flatness - HARMONIC_MEAN) / HARMONIC_SCALE;
        double clarity = (contrast - CONTRAST_MEAN) / CONTRAST_SCALE;
        double arousal = Math.tanh(0.5 * energy + 0.3 * onsets + 0.15 * brightness + 0.15 * change);
        double valence = Math.tanh(0.4 * brightness + 0.3 * harmonic + 0.2 * clarity);
        return new Mood(clampUnit(valence), clampUnit(arousal));
    }

    private static double clampUnit(double v) {
        return Double.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
    }
}
