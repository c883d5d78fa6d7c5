package org.segue.plugin.analyzer.tonal.internal;

import java.util.ArrayList;
import java.util.List;

import org.segue.api.analysis.Chord;
import org.segue.api.analysis.ChordEvent;
import org.segue.api.analysis.PitchClass;

/**
 * Labels every chroma frame with a chord or no chord, smoothed over time by a Viterbi search.
 *
 * <p>Each frame scores every chord by the cosine of its treble chroma with the chord's template,
 * plus how much of the bass sits on the root (or, less, on another chord tone), minus a small
 * prior cost for the rarer qualities so a triad with a passing melody note stays a triad, plus a
 * small bonus for the chords of the key in force. "No
 * chord" scores the cosine with a flat chroma plus a margin: it wins when nothing stands out
 * (drums, noise) and always in silence.
 *
 * <p>The hidden Markov model has one state per chord and one for no chord, and changing state
 * costs a fixed penalty. Because every change costs the same, the best predecessor of a state is
 * either itself or the best state of the previous frame, so each frame costs O(states) and the
 * back-pointers shrink to one bit per state plus one index per frame.
 */
final class ChordRecognizer {

    /** Score of a bass note on the root, per unit share of the bass chroma. */
    private static final float BASS_ROOT = 0.35f;
    /** Score of a bass note on another chord tone (inversions). */
    private static final float BASS_TONE = 0.1f;
    /** How much better than a flat chroma a chord must fit before it beats "no chord". */
    private static final float NO_CHORD_MARGIN = 0.1f;
    /**
     * Bonus for chords of the key in force: most chords of most music are, so a melody note that
     * makes a chord outside the key fit slightly better does not win on its own.
     */
    private static final float DIATONIC_BONUS = 0.05f;

    private final ChordTemplates templates;
    private final int[][] intervals;
    private final float[] priorCost;
    /** [major tonic of the key signature][chord state]: whether the chord belongs to the key. */
    private final boolean[][] diatonicChords;
    /** Cost of a chord change in score units times frames; see the constructor. */
    private final double switchCost;

    /**
     * @param templates the qualities to choose from
     * @param priorCost the cost of each quality, index as in {@code templates}
     * @param framesPerSecond the chroma frame rate
     * @param switchSeconds the switch cost in seconds of a full score point: a chord must beat
     *        the one before by {@code 2 * switchSeconds / advantage} seconds to be reported
     */
    ChordRecognizer(ChordTemplates templates, float[] priorCost, double framesPerSecond, double switchSeconds) {
        this.templates = templates;
        intervals = new int[templates.size()][];
        for (int q = 0; q < intervals.length; q++) {
            intervals[q] = templates.intervals(q);
        }
        this.priorCost = priorCost.clone();
        diatonicChords = new boolean[12][templates.size() * 12];
        for (int tonic = 0; tonic < 12; tonic++) {
            for (int q = 0; q < templates.size(); q++) {
                for (int root = 0; root < 12; root++) {
                    diatonicChords[tonic][q * 12 + root] = templates.isDiatonic(q, root, tonic);
                }
            }
        }
        this.switchCost = switchSeconds * framesPerSecond;
    }

    /**
     * The most likely state of each frame: {@code quality * 12 + root}, or -1 for no chord.
     *
     * @param treble folded treble chroma, 12 per frame
     * @param bass folded bass chroma, 12 per frame
     * @param weight each frame's weight as evidence, 0 for silence ({@link FrameWeights})
     * @param scale the major tonic of each frame's key signature ({@link KeyChangeDetector}),
     *        or -1 where unknown
     */
    int[] decode(float[] treble, float[] bass, float[] weight, int[] scale, int frames) {
        int chords = templates.size() * 12;
        int states = chords + 1;
        int words = (states + 63) / 64;
        long[] stayed = new long[Math.max(1, frames) * words];
        int[] bestBefore = new int[Math.max(1, frames)];
        double[] score = new double[states];
        double[] emission = new double[states];
        for (int t = 0; t < frames; t++) {
            emissions(treble, bass, t, weight[t] == 0, emission);
            if (weight[t] > 0 && scale[t] >= 0) {
                boolean[] diatonic = diatonicChords[scale[t]];
                for (int s = 0; s < chords; s++) {
                    if (diatonic[s]) {
                        emission[s] += DIATONIC_BONUS;
                    }
                }
            }
            if (weight[t] > 0 && weight[t] < 1) {
                // A weak frame (a decaying chord, a quiet passage) says less: scaled down, it
                // rarely outweighs the change cost, so the chord before it carries on.
                for (int s = 0; s < states; s++) {
                    emission[s] *= weight[t];
                }
            }
            if (t == 0) {
                System.arraycopy(emission, 0, score, 0, states);
                continue;
            }
            int best = argmax(score);
            bestBefore[t] = best;
            double switched = score[best] - switchCost;
            for (int s = 0; s < states; s++) {
                if (score[s] >= switched) {
                    score[s] += emission[s];
                    stayed[t * words + (s >> 6)] |= 1L << (s & 63);
                } else {
                    score[s] = switched + emission[s];
                }
            }
        }
        int[] path = new int[frames];
        int s = frames > 0 ? argmax(score) : 0;
        for (int t = frames - 1; t >= 0; t--) {
            path[t] = s == chords ? -1 : s;
            if (t > 0 && (stayed[t * words + (s >> 6)] & (1L << (s & 63))) == 0) {
                s = bestBefore[t];
            }
        }
        return path;
    }

    private void emissions(float[] treble, float[] bass, int t, boolean silent, double[] out) {
        int chords = templates.size() * 12;
        if (silent) {
            java.util.Arrays.fill(out, 0);
            out[chords] = 1;
            return;
        }
        int base = t * 12;
        double norm = 0;
        double sum = 0;
        double bassSum = 0;
        for (int i = 0; i < 12; i++) {
            norm += treble[base + i] * treble[base + i];
            sum += treble[base + i];
            bassSum += bass[base + i];
        }
        norm = Math.sqrt(norm);
        double inverse = norm > 0 ? 1 / norm : 0;
        double bassInverse = bassSum > 0 ? 1 / bassSum : 0;
        for (int q = 0; q < templates.size(); q++) {
            for (int root = 0; root < 12; root++) {
                float[] template = templates.template(q, root);
                double dot = 0;
                for (int i = 0; i < 12; i++) {
                    dot += template[i] * treble[base + i];
                }
                double bassScore = 0;
                for (int interval : intervals[q]) {
                    float b = bass[base + (root + interval) % 12];
                    bassScore += interval == 0 ? BASS_ROOT * b : BASS_TONE * b;
                }
                out[q * 12 + root] = dot * inverse + bassScore * bassInverse - priorCost[q];
            }
        }
        // Cosine with the flat chroma (1, ..., 1) / sqrt(12).
        out[chords] = sum * inverse / Math.sqrt(12) + NO_CHORD_MARGIN;
    }

    /** Turns a decoded path into events; frame {@code t} is centred at {@code t / fps} seconds. */
    List<ChordEvent> events(int[] path, double framesPerSecond, double durationSeconds) {
        List<ChordEvent> events = new ArrayList<>();
        int start = 0;
        for (int t = 1; t <= path.length; t++) {
            if (t == path.length || path[t] != path[start]) {
                double from = start == 0 ? 0 : (start - 0.5) / framesPerSecond;
                double to = Math.min(durationSeconds, t == path.length ? durationSeconds : (t - 0.5) / framesPerSecond);
                if (to > from) {
                    int state = path[start];
                    Chord chord = state < 0 ? null
                            : new Chord(PitchClass.of(state % 12), templates.quality(state / 12));
                    events.add(new ChordEvent(from, to, chord));
                }
                start = t;
            }
        }
        return events;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
