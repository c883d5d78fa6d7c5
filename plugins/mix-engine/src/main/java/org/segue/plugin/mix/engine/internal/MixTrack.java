package org.segue.plugin.mix.engine.internal;

import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.mix.SetTrack;

/** What the renderer needs of one track: duration, tempo, beat grid, loudness, pitch shift. */
record MixTrack(SetTrack track, double duration, double bpm, BeatGrid grid, double loudnessLufs, double pitchSemitones) {

    /** Assumed when a track has no tempo: a common dance tempo, so automation still has a clock. */
    static final double DEFAULT_BPM = 120;

    static MixTrack of(SetTrack t, double pitchSemitones) {
        var r = t.analysis();
        double bpm = r.get(StandardResults.TEMPO).map(Tempo::bpm).filter(b -> b > 0).orElse(DEFAULT_BPM);
        BeatGrid grid = r.get(StandardResults.BEAT_GRID).orElse(null);
        double lufs = r.get(StandardResults.LOUDNESS).map(Loudness::integratedLufs)
                .filter(Double::isFinite).orElse(Double.NaN);
        return new MixTrack(t, r.durationSeconds(), bpm, grid, lufs, pitchSemitones);
    }
}
