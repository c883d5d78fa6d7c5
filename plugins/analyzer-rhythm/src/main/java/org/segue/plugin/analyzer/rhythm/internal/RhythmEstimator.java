package org.segue.plugin.analyzer.rhythm.internal;

import java.util.List;

import org.segue.api.analysis.TempoSegment;

/**
 * The offline half of the analysis: from the stored onset features of a stretch of the track to
 * tempo, beats, meter and tempo segments. Run once at the end of a track, and on the most recent
 * stretch for every partial result.
 *
 * <p>Stages, each in its own class: {@link Tempogram} → {@link TempoEstimator} (global tempo) →
 * {@link TempoPath} (local tempo) → {@link BeatTracker}, its phase checked by {@link BeatPhase}
 * → {@link MeterDetector} and {@link TempoSegmenter}.
 */
final class RhythmEstimator {

    /** Tempogram window: long enough for several bars at slow tempos, short enough to follow changes. */
    private static final double WINDOW_SECONDS = 8;
    private static final double HOP_SECONDS = 1;

    private final RhythmSettings settings;
    private final BeatTracker tracker = new BeatTracker();

    RhythmEstimator(RhythmSettings settings) {
        this.settings = settings;
    }

    /**
     * Analyses onset frames {@code [from, to)}.
     *
     * @return the result, or {@code null} when the stretch has no discernible pulse
     */
    RhythmResult analyse(OnsetFeatures features, int from, int to) {
        int frames = to - from;
        double fps = features.fps;
        if (frames < fps * 2) {
            return null;
        }
        float[] envelope = features.onset.array();
        int window = (int) Math.min(frames, Math.round(WINDOW_SECONDS * fps));
        Tempogram tempogram = new Tempogram(window, (int) Math.round(HOP_SECONDS * fps), window / 2);
        float[] acf = TempoEstimator.averageAcf(tempogram, envelope, from, to);
        TempoEstimator estimator = new TempoEstimator(fps, settings.minBpm(), settings.maxBpm());
        float[] treble = TempoEstimator.averageAcf(tempogram, features.highOnset.array(), from, to);
        TempoEstimator.Estimate estimate = estimator.estimate(acf, treble,
                new TempoEstimator.Drums(features.lowOnset.array(), features.highOnset.array(), from, to));
        if (estimate == null) {
            return null;
        }
        float[] periods = TempoPath.periods(tempogram, envelope, from, to, estimate.period());
        float[] tracking = trackingEnvelope(features, from, to);
        double[] tracked = tracker.track(tracking, 0, to - from, periods);
        if (BeatPhase.offBeat(tracked, features.kickOnset.array(), features.highOnset.array(), from, to)) {
            tracking = withKicks(tracking, features.kickOnset.array(), from, to);
            tracked = tracker.track(tracking, 0, to - from, periods);
        }
        double[] beatFrames = trimWeakEnds(tracked, tracking, 0);
        if (beatFrames.length == 0) {
            return null;
        }
        double[] beats = new double[beatFrames.length];
        for (int i = 0; i < beats.length; i++) {
            // Frame times are window centres; on click tracks the flux peak lands within ±10 ms of
            // the click there, so no latency correction is applied.
            beats[i] = Math.max(0, features.timeOf(from + beatFrames[i]));
        }
        beats = strictlyIncreasing(beats);
        MeterDetector.Meter meter = MeterDetector.detect(features, from, beatFrames);
        List<TempoSegment> segments = TempoSegmenter.segments(beats, estimate.bpm());
        double bpm = mainTempo(segments, beats, estimate.bpm());
        return new RhythmResult(bpm, estimate.confidence(), beats, meter.beatsPerBar(),
                Math.min(meter.firstDownbeat(), beats.length - 1), segments);
    }

    /**
     * The envelope beats are first placed on: the full onset strength with the treble counted
     * twice. Drums mark beats with broadband hits (snares, claps) while bass lines and chord stabs
     * are mostly below the treble. It counts a sound by how many bands it spans, though, so noise
     * hi-hats on the off-beats can outweigh a kick that rises in the lowest band alone; that only
     * ever costs the phase (φ against φ + half a beat), which {@link BeatPhase} checks against the
     * kicks, and the beats are then tracked again with the kick envelope added
     * ({@link #withKicks}). This first envelope is kept as it is for everything else, since
     * without kicks it is what places the beats (and is validated on the development corpus).
     */
    private static float[] trackingEnvelope(OnsetFeatures features, int from, int to) {
        float[] all = features.onset.array();
        float[] treble = features.highOnset.array();
        float[] out = new float[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[from + i] + treble[from + i];
        }
        return out;
    }

    /**
     * Weight of the kick envelope, against the full one, when the kicks mark the beat: twice,
     * so that at equal spread a kick outweighs whatever sits between the kicks (hi-hats, bass,
     * chord stabs) even when that is as strong in the full envelope as the kick and clap together.
     */
    static final double KICK_WEIGHT = 2;

    /**
     * The tracking envelope with the kick envelope added, both scaled to unit standard deviation
     * and the kick weighted {@value #KICK_WEIGHT}-fold. Used when {@link BeatPhase} finds the kicks
     * between the beats tracked on the full envelope: the kicks then mark the beat, and a second
     * pass that follows them lands on them wherever they play, while in a breakdown without kicks
     * the remaining onsets and the tracker's continuity carry the beat across.
     */
    static float[] withKicks(float[] tracking, float[] kick, int from, int to) {
        double envelopeScale = 1 / Math.max(1e-12, std(tracking, 0, tracking.length));
        double kickScale = KICK_WEIGHT / Math.max(1e-12, std(kick, from, to));
        float[] out = new float[tracking.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (tracking[i] * envelopeScale + kick[from + i] * kickScale);
        }
        return out;
    }

    private static double std(float[] x, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= Math.max(1, to - from);
        double var = 0;
        for (int i = from; i < to; i++) {
            var += (x[i] - mean) * (x[i] - mean);
        }
        return Math.sqrt(var / Math.max(1, to - from));
    }

    /** The tempo of the longest segment; the tracked beats refine the tempogram's estimate. */
    private static double mainTempo(List<TempoSegment> segments, double[] beats, double estimate) {
        double end = beats[beats.length - 1];
        double longest = -1;
        double bpm = estimate;
        for (int i = 0; i < segments.size(); i++) {
            double start = i == 0 ? beats[0] : segments.get(i).startSeconds();
            double stop = i + 1 < segments.size() ? segments.get(i + 1).startSeconds() : end;
            if (stop - start > longest) {
                longest = stop - start;
                bpm = segments.get(i).bpm();
            }
        }
        return Math.abs(bpm / estimate - 1) < 0.1 ? bpm : estimate;
    }

    /**
     * Drops beats the tracker placed in the silence before the music starts or after it ends,
     * where it had only its own regularity to go on.
     */
    private static double[] trimWeakEnds(double[] beats, float[] envelope, int from) {
        if (beats.length < 4) {
            return beats;
        }
        double[] strength = new double[beats.length];
        for (int i = 0; i < beats.length; i++) {
            int at = from + (int) Math.round(beats[i]);
            double s = 0;
            for (int k = Math.max(from, at - 3); k <= at + 3 && k < envelope.length; k++) {
                s = Math.max(s, envelope[k]);
            }
            strength[i] = s;
        }
        double[] sorted = strength.clone();
        java.util.Arrays.sort(sorted);
        double threshold = 0.1 * sorted[sorted.length / 2];
        int first = 0;
        while (first < beats.length && strength[first] < threshold) {
            first++;
        }
        int last = beats.length - 1;
        while (last > first && strength[last] < threshold) {
            last--;
        }
        return java.util.Arrays.copyOfRange(beats, first, last + 1);
    }

    private static double[] strictlyIncreasing(double[] beats) {
        int count = 0;
        double[] out = new double[beats.length];
        for (double b : beats) {
            if (count == 0 || b > out[count - 1]) {
                out[count++] = b;
            }
        }
        return count == beats.length ? out : java.util.Arrays.copyOf(out, count);
    }
}
