package org.segue.plugin.planner.harmonic.internal;

import java.util.Locale;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.mix.SetTrack;

/**
 * What the planner reads from one track, once, before the search: absent values stay absent
 * ({@code null} or NaN) so the scoring can treat them neutrally and the explanation can say so.
 *
 * @param id the track id
 * @param name how explanations name the track
 * @param artist the artist tag, trimmed and lower-cased for comparison; {@code null} when unknown
 * @param key the main key; {@code null} when not analysed
 * @param bpm the main tempo; NaN when not analysed
 * @param energy the track's energy in 0..1; NaN when none of its sources was analysed
 * @param energySource where {@code energy} came from
 */
record TrackFeatures(String id, String name, String artist, MusicalKey key, double bpm, double energy,
        EnergySource energySource) {

    /** The sources of a track's energy, in the order they are tried. */
    enum EnergySource {
        /** The mean of the {@link StandardResults#ENERGY} curve: the measure made for set building. */
        CURVE(""),
        /** Integrated loudness mapped linearly from -22 LUFS (0) to -6 LUFS (1), clamped. */
        LOUDNESS(" (from loudness)"),
        /** Mood arousal mapped from -1..1 to 0..1. */
        MOOD(" (from mood)"),
        /** Nothing to go by. */
        NONE("");

        /** What an explanation appends to the energy figure. */
        final String note;

        EnergySource(String note) {
            this.note = note;
        }
    }

    /** Quietest and loudest integrated loudness the fallback maps to energy 0 and 1. */
    static final double QUIET_LUFS = -22;
    static final double LOUD_LUFS = -6;

    /** Reads a track's analysis and tags. */
    static TrackFeatures of(SetTrack track) {
        AnalysisResults analysis = track.analysis();
        MusicalKey key = analysis.get(StandardResults.KEY).map(KeyEstimate::key).orElse(null);
        double bpm = analysis.get(StandardResults.TEMPO).map(Tempo::bpm).orElse(Double.NaN);
        String artist = track.tags().artist();
        artist = artist == null || artist.isBlank() ? null : artist.strip().toLowerCase(Locale.ROOT);

        EnergySource source = EnergySource.NONE;
        double energy = Double.NaN;
        var curve = analysis.get(StandardResults.ENERGY);
        var loudness = analysis.get(StandardResults.LOUDNESS);
        var mood = analysis.get(StandardResults.MOOD);
        if (curve.isPresent()) {
            source = EnergySource.CURVE;
            energy = mean(curve.get());
        } else if (loudness.isPresent() && Double.isFinite(loudness.get().integratedLufs())) {
            source = EnergySource.LOUDNESS;
            energy = fromLoudness(loudness.get());
        } else if (mood.isPresent()) {
            source = EnergySource.MOOD;
            energy = fromMood(mood.get());
        }
        return new TrackFeatures(track.id(), track.displayName(), artist, key, bpm, energy, source);
    }

    boolean hasKey() {
        return key != null;
    }

    boolean hasTempo() {
        return !Double.isNaN(bpm);
    }

    boolean hasEnergy() {
        return !Double.isNaN(energy);
    }

    static double mean(FeatureCurve curve) {
        double sum = 0;
        for (int i = 0; i < curve.size(); i++) {
            sum += curve.value(i);
        }
        return clamp(sum / curve.size());
    }

    static double fromLoudness(Loudness loudness) {
        return clamp((loudness.integratedLufs() - QUIET_LUFS) / (LOUD_LUFS - QUIET_LUFS));
    }

    static double fromMood(Mood mood) {
        return clamp((mood.arousal() + 1) / 2);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
