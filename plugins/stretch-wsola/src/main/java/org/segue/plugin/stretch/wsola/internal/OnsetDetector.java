package org.segue.plugin.stretch.wsola.internal;

import java.util.Arrays;

/**
 * Finds attacks (drum hits, clicks) in the mono input so the splicer can keep its splices away from
 * them: a splice through an attack either repeats it (a flam) or drops it, and a segment that plays
 * it far from its nominal position moves the beat.
 *
 * <p>Per block of {@link StretchParams#onsetBlock} frames (1.5 ms) it measures the power of the first
 * difference (which weights highs, where attacks stand out) and flags the block when that power
 * jumps well above the previous ~12 ms, is audible, and no attack was flagged in the last 25 ms. The
 * flags live in a ring of blocks indexed by absolute input frame.
 */
final class OnsetDetector {

    private static final int HISTORY = 8;
    private static final double JUMP = 5.0;
    private static final double FLOOR = 1e-8;

    private final int block;
    private final int refractory;
    private final boolean[] flags;
    private final int mask;
    private final double[] recent = new double[HISTORY];
    private final double longTermCoeff;

    private float previous;
    private double accumulated;
    private int inBlock;
    private long blockIndex;
    private int recentPos;
    private double longTerm;
    private int sinceOnset;

    /** @param capacityFrames how many input frames back flags must stay readable */
    OnsetDetector(StretchParams params, int capacityFrames) {
        block = params.onsetBlock();
        refractory = (int) Math.ceil(0.025 * params.sampleRate() / block);
        int blocks = Integer.highestOneBit(capacityFrames / block + 2) << 1;
        flags = new boolean[blocks];
        mask = blocks - 1;
        longTermCoeff = 1 - Math.exp(-block / (1.0 * params.sampleRate()));
        reset();
    }

    void reset() {
        Arrays.fill(flags, false);
        Arrays.fill(recent, 0);
        previous = 0;
        accumulated = 0;
        inBlock = 0;
        blockIndex = 0;
        recentPos = 0;
        longTerm = 0;
        sinceOnset = refractory;
    }

    /** Takes the next frame's mono value (frames arrive in order from absolute frame 0). */
    void accept(float mono) {
        float d = mono - previous;
        previous = mono;
        accumulated += d * d;
        if (++inBlock == block) {
            finishBlock();
        }
    }

    private void finishBlock() {
        double power = accumulated / block;
        double mean = 0;
        for (double r : recent) {
            mean += r;
        }
        mean /= HISTORY;
        boolean onset = power > FLOOR && power > JUMP * mean + FLOOR && power > 0.1 * longTerm
                && sinceOnset >= refractory;
        flags[(int) (blockIndex & mask)] = onset;
        sinceOnset = onset ? 0 : sinceOnset + 1;
        recent[recentPos] = power;
        recentPos = (recentPos + 1) % HISTORY;
        longTerm += longTermCoeff * (power - longTerm);
        accumulated = 0;
        inBlock = 0;
        blockIndex++;
    }

    int block() {
        return block;
    }

    /**
     * Writes the start frames of the flagged blocks overlapping {@code [from, to)} into {@code out}
     * (at most its length) and returns how many; blocks not yet complete count as quiet.
     */
    int collect(long from, long to, long[] out) {
        long first = Math.max(0, Math.floorDiv(from, block));
        long last = Math.min(blockIndex - 1, Math.floorDiv(to - 1, block));
        int n = 0;
        for (long b = first; b <= last && n < out.length; b++) {
            if (flags[(int) (b & mask)]) {
                out[n++] = b * block;
            }
        }
        return n;
    }
}
