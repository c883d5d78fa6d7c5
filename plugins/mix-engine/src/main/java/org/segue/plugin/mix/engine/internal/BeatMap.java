package org.segue.plugin.mix.engine.internal;

import org.segue.api.analysis.BeatGrid;

/**
 * A track's time at a fractional beat counted from a cue: between beats it interpolates the
 * grid, beyond the grid it extrapolates with the tempo in force there. Without a grid (or when the
 * transition is not beat-matched) it runs at the given tempo from the cue.
 */
final class BeatMap {

    private final double[] beats;
    private final BeatGrid grid;
    private final double cueIndex;
    private final double cueSeconds;
    private final double fallbackBpm;

    private BeatMap(BeatGrid grid, double cueSeconds, double fallbackBpm) {
        this.grid = grid;
        this.beats = grid == null ? new double[0] : grid.beats();
        this.cueSeconds = cueSeconds;
        this.fallbackBpm = fallbackBpm;
        this.cueIndex = beats.length < 2 ? 0 : indexOf(cueSeconds);
    }

    /** Beat-locked to the grid (when it has at least two beats). */
    static BeatMap locked(BeatGrid grid, double cueSeconds, double bpm) {
        return new BeatMap(grid != null && grid.beatCount() >= 2 ? grid : null, cueSeconds, bpm);
    }

    /** Free-running at {@code bpm} from the cue: the track plays at its own speed. */
    static BeatMap free(double cueSeconds, double bpm) {
        return new BeatMap(null, cueSeconds, bpm);
    }

    boolean locked() {
        return grid != null;
    }

    /** The track's time {@code beats} beats after the cue. */
    double trackTime(double beatsFromCue) {
        if (grid == null) {
            return cueSeconds + beatsFromCue * 60 / fallbackBpm;
        }
        double x = cueIndex + beatsFromCue;
        int last = beats.length - 1;
        if (x < 0) {
            return beats[0] + x * 60 / grid.tempoAt(beats[0]);
        }
        if (x >= last) {
            return beats[last] + (x - last) * 60 / grid.tempoAt(beats[last]);
        }
        int i = (int) Math.floor(x);
        return beats[i] + (x - i) * (beats[i + 1] - beats[i]);
    }

    /** The fractional beat index of a time in the grid (the inverse of {@link #trackTime} at cue 0). */
    private double indexOf(double seconds) {
        int last = beats.length - 1;
        if (seconds <= beats[0]) {
            return (seconds - beats[0]) * grid.tempoAt(beats[0]) / 60;
        }
        if (seconds >= beats[last]) {
            return last + (seconds - beats[last]) * grid.tempoAt(beats[last]) / 60;
        }
        int i = grid.beatIndexAt(seconds);
        return i + (seconds - beats[i]) / (beats[i + 1] - beats[i]);
    }
}
