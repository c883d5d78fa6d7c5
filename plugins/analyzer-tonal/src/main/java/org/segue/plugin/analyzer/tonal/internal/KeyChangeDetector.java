package org.segue.plugin.analyzer.tonal.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a track into stretches of one key.
 *
 * <p>The chroma is summed into blocks of about a second; each block is scored against the 12
 * diatonic scales using the chroma of a window of {@value #WINDOW_SECONDS} seconds around it (a
 * key is a property of phrases, not of single chords). A Viterbi search over the scales with a fixed cost
 * per change then finds the best sequence: a new key has to out-score the old one by that cost
 * summed over its stretch, so short excursions (a borrowed chord, a bridge's passing tonicisation)
 * never become changes. Last, stretches shorter than the configured minimum are merged into a
 * neighbour. The caller names the key of each stretch with the full {@link KeyEstimator}, which
 * also settles major against relative minor: a change of scale is what this class finds, since a
 * move between relative keys keeps every note and is rarely more than a passing colour.
 */
final class KeyChangeDetector {

    /** Length of the chroma window each block's key is judged on. */
    static final double WINDOW_SECONDS = 8;
    /** Cost of one key change, in correlation units summed over one-second blocks. */
    private static final double CHANGE_COST = 1.5;

    private final KeyProfiles profiles;
    private final double framesPerSecond;
    private final double minSegmentSeconds;

    KeyChangeDetector(KeyProfiles profiles, double framesPerSecond, double minSegmentSeconds) {
        this.profiles = profiles;
        this.framesPerSecond = framesPerSecond;
        this.minSegmentSeconds = minSegmentSeconds;
    }

    /**
     * The boundaries of the key stretches, as frame indices: {@code 0}, each change, and
     * {@code frames} last. Just {@code {0, frames}} when the key never changes.
     *
     * @param chroma per-frame-normalised key chroma (treble plus weighted bass), 12 per frame
     */
    int[] boundaries(float[] chroma, int frames) {
        int blockFrames = Math.max(1, (int) Math.round(framesPerSecond));
        int blocks = (frames + blockFrames - 1) / blockFrames;
        int minBlocks = (int) Math.ceil(minSegmentSeconds * framesPerSecond / blockFrames);
        if (blocks < 2 * Math.max(1, minBlocks)) {
            return new int[] {0, frames};
        }
        // Prefix sums of the block chroma, so any window's sum is one subtraction.
        double[] prefix = new double[(blocks + 1) * 12];
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < 12; i++) {
                prefix[(b + 1) * 12 + i] = prefix[b * 12 + i];
            }
            for (int t = b * blockFrames; t < Math.min(frames, (b + 1) * blockFrames); t++) {
                for (int i = 0; i < 12; i++) {
                    prefix[(b + 1) * 12 + i] += chroma[t * 12 + i];
                }
            }
        }
        int half = (int) Math.round(WINDOW_SECONDS * framesPerSecond / blockFrames / 2);
        float[] window = new float[12];
        double[] emission = new double[12];
        double[] score = new double[12];
        int[][] from = new int[blocks][12];
        for (int b = 0; b < blocks; b++) {
            int lo = Math.max(0, b - half);
            int hi = Math.min(blocks, b + half + 1);
            for (int i = 0; i < 12; i++) {
                window[i] = (float) (prefix[hi * 12 + i] - prefix[lo * 12 + i]);
            }
            profiles.scaleScores(window, emission);
            if (b == 0) {
                System.arraycopy(emission, 0, score, 0, score.length);
                continue;
            }
            int best = 0;
            for (int k = 1; k < score.length; k++) {
                if (score[k] > score[best]) {
                    best = k;
                }
            }
            double switched = score[best] - CHANGE_COST;
            for (int k = 0; k < score.length; k++) {
                if (score[k] >= switched) {
                    from[b][k] = k;
                    score[k] += emission[k];
                } else {
                    from[b][k] = best;
                    score[k] = switched + emission[k];
                }
            }
        }
        int[] keys = new int[blocks];
        int k = 0;
        for (int i = 1; i < score.length; i++) {
            if (score[i] > score[k]) {
                k = i;
            }
        }
        for (int b = blocks - 1; b >= 0; b--) {
            keys[b] = k;
            k = from[b][k];
        }
        List<int[]> runs = new ArrayList<>(); // {first block, end block, key}
        for (int b = 0; b < blocks; b++) {
            if (runs.isEmpty() || runs.get(runs.size() - 1)[2] != keys[b]) {
                runs.add(new int[] {b, b + 1, keys[b]});
            } else {
                runs.get(runs.size() - 1)[1] = b + 1;
            }
        }
        mergeShort(runs, Math.max(1, minBlocks));
        int[] bounds = new int[runs.size() + 1];
        for (int r = 0; r < runs.size(); r++) {
            bounds[r] = Math.min(frames, runs.get(r)[0] * blockFrames);
        }
        bounds[runs.size()] = frames;
        return bounds;
    }

    /** Merges the shortest run below {@code minBlocks} into its longer neighbour until none is left. */
    private static void mergeShort(List<int[]> runs, int minBlocks) {
        while (runs.size() > 1) {
            int shortest = -1;
            for (int r = 0; r < runs.size(); r++) {
                int length = runs.get(r)[1] - runs.get(r)[0];
                if (length < minBlocks && (shortest < 0 || length < runs.get(shortest)[1] - runs.get(shortest)[0])) {
                    shortest = r;
                }
            }
            if (shortest < 0) {
                return;
            }
            int[] run = runs.get(shortest);
            int[] before = shortest > 0 ? runs.get(shortest - 1) : null;
            int[] after = shortest + 1 < runs.size() ? runs.get(shortest + 1) : null;
            int[] into = after == null || (before != null && before[1] - before[0] >= after[1] - after[0]) ? before : after;
            into[0] = Math.min(into[0], run[0]);
            into[1] = Math.max(into[1], run[1]);
            runs.remove(shortest);
            // Neighbours that now touch with the same key become one run.
            for (int r = runs.size() - 1; r > 0; r--) {
                if (runs.get(r)[2] == runs.get(r - 1)[2]) {
                    runs.get(r - 1)[1] = runs.get(r)[1];
                    runs.remove(r);
                }
            }
        }
    }
}
