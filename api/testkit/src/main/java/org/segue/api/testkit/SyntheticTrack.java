package org.segue.api.testkit;

import java.util.List;
import java.util.Objects;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TempoSegment;

/**
 * The analysis of a made-up track with a constant tempo, for testing DJ styles, planners and
 * recommenders without audio: its beats, bars and length are known exactly, so a test can check a
 * plan against the track's own arithmetic ({@link #beatTime}, {@link #isDownbeatTime}).
 *
 * <p>Example: 64 bars at 126 bpm in 8A with one pickup beat:
 * <pre>{@code
 * SyntheticTrack t = SyntheticTrack.of("a", 126, 64).pickupBeats(1).key("8A");
 * AnalysisResults results = t.results();
 * }</pre>
 *
 * <p>Immutable: each setter returns a new track.
 */
public final class SyntheticTrack {

    private final String id;
    private final double bpm;
    private final int bars;
    private final int beatsPerBar;
    private final int pickupBeats;
    private final double offsetSeconds;
    private final double tailSeconds;
    private final String camelotKey;
    private final boolean grid;

    private SyntheticTrack(String id, double bpm, int bars, int beatsPerBar, int pickupBeats, double offsetSeconds,
            double tailSeconds, String camelotKey, boolean grid) {
        Objects.requireNonNull(id, "id");
        if (!(bpm > 0 && bpm < 1000) || bars < 0 || beatsPerBar < 1 || pickupBeats < 0 || pickupBeats >= beatsPerBar
                || !(offsetSeconds >= 0) || !(tailSeconds >= 0)) {
            throw new IllegalArgumentException("not a plausible track: bpm " + bpm + ", bars " + bars + ", beatsPerBar "
                    + beatsPerBar + ", pickup " + pickupBeats + ", offset " + offsetSeconds + ", tail " + tailSeconds);
        }
        this.id = id;
        this.bpm = bpm;
        this.bars = bars;
        this.beatsPerBar = beatsPerBar;
        this.pickupBeats = pickupBeats;
        this.offsetSeconds = offsetSeconds;
        this.tailSeconds = tailSeconds;
        this.camelotKey = camelotKey;
        this.grid = grid;
    }

    /** A track of {@code bars} bars of 4/4 at {@code bpm}, starting on a downbeat at 0 s, in 8A. */
    public static SyntheticTrack of(String id, double bpm, int bars) {
        return new SyntheticTrack(id, bpm, bars, 4, 0, 0, 1, "8A", true);
    }

    /** Beats before the first downbeat (an upbeat), {@code 0..beatsPerBar-1}. */
    public SyntheticTrack pickupBeats(int beats) {
        return new SyntheticTrack(id, bpm, bars, beatsPerBar, beats, offsetSeconds, tailSeconds, camelotKey, grid);
    }

    /** Silence before the first beat, in seconds. */
    public SyntheticTrack offset(double seconds) {
        return new SyntheticTrack(id, bpm, bars, beatsPerBar, pickupBeats, seconds, tailSeconds, camelotKey, grid);
    }

    /** Beats in a bar. */
    public SyntheticTrack beatsPerBar(int beats) {
        return new SyntheticTrack(id, bpm, bars, beats, pickupBeats, offsetSeconds, tailSeconds, camelotKey, grid);
    }

    /** The key as a Camelot code ({@code "8A"}), or {@code null} for a track without a key result. */
    public SyntheticTrack key(String camelot) {
        return new SyntheticTrack(id, bpm, bars, beatsPerBar, pickupBeats, offsetSeconds, tailSeconds, camelot, grid);
    }

    /** The track without a beat grid (only a tempo), as for beatless or rubato music. */
    public SyntheticTrack withoutBeatGrid() {
        return new SyntheticTrack(id, bpm, bars, beatsPerBar, pickupBeats, offsetSeconds, tailSeconds, camelotKey, false);
    }

    public String id() {
        return id;
    }

    public double bpm() {
        return bpm;
    }

    public int bars() {
        return bars;
    }

    public int beatsPerBar() {
        return beatsPerBar;
    }

    public boolean hasBeatGrid() {
        return grid;
    }

    /** Seconds per beat. */
    public double secondsPerBeat() {
        return 60 / bpm;
    }

    /** The number of beats, pickup included. */
    public int beatCount() {
        return pickupBeats + bars * beatsPerBar;
    }

    /** The time of beat {@code index} (0 is the first beat, pickup included); any index, for extrapolation. */
    public double beatTime(int index) {
        return offsetSeconds + index * secondsPerBeat();
    }

    /** The length of the audio: every beat, then the tail. */
    public double durationSeconds() {
        return beatTime(beatCount()) + tailSeconds;
    }

    /** Whether a time falls on a beat of the (extrapolated) grid, within {@code toleranceSeconds}. */
    public boolean isBeatTime(double seconds, double toleranceSeconds) {
        double beats = (seconds - offsetSeconds) / secondsPerBeat();
        return Math.abs(beats - Math.rint(beats)) * secondsPerBeat() <= toleranceSeconds;
    }

    /** Whether a time falls on a downbeat (a bar's first beat), within {@code toleranceSeconds}. */
    public boolean isDownbeatTime(double seconds, double toleranceSeconds) {
        if (!isBeatTime(seconds, toleranceSeconds)) {
            return false;
        }
        long beat = Math.round((seconds - offsetSeconds) / secondsPerBeat());
        return Math.floorMod(beat - pickupBeats, beatsPerBar) == 0;
    }

    /** The analysis results: tempo, beat grid (unless removed), key (if any), a flat energy curve. */
    public AnalysisResults results() {
        ResultMap r = new ResultMap(id, durationSeconds());
        r.producer("testkit.synthetic/1");
        r.put(StandardResults.TEMPO, new Tempo(bpm, 0.9));
        if (grid && beatCount() > 0) {
            double[] beats = new double[beatCount()];
            for (int i = 0; i < beats.length; i++) {
                beats[i] = beatTime(i);
            }
            r.put(StandardResults.BEAT_GRID, new BeatGrid(beats, beatsPerBar, Math.min(pickupBeats, beats.length - 1),
                    List.of(new TempoSegment(0, bpm))));
        }
        if (camelotKey != null) {
            r.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot(camelotKey), 0.8));
        }
        float[] energy = new float[(int) Math.ceil(durationSeconds() / 0.5) + 1];
        java.util.Arrays.fill(energy, 0.6f);
        r.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 0.5, energy));
        return r;
    }

    @Override
    public String toString() {
        return id + " (" + bpm + " bpm, " + bars + " bars of " + beatsPerBar + ", pickup " + pickupBeats + ", offset "
                + offsetSeconds + " s" + (grid ? "" : ", no beat grid") + ")";
    }
}
