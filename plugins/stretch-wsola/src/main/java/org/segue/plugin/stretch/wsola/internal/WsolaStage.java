package org.segue.plugin.stretch.wsola.internal;

/**
 * The time-stretch stage (WSOLA, after Verhelst and Roelands, 1993): writes the output in hops of
 * {@code hop} frames, each the body of an input segment whose start is chosen by
 * {@link SegmentSearch} near the nominal input position, cross-faded over {@code overlap} frames
 * from the natural continuation of the previous segment.
 *
 * <p>The nominal position advances so that every input frame accounts for {@code rate} output frames,
 * where {@code rate} (= pitch ratio / speed) is the value stored with that frame: the output time of an
 * input frame is the integral of the rate up to it, independent of block sizes, and tempo ramps come
 * out exactly. Each output frame also carries the pitch ratio of the input frame it was copied from,
 * for the {@link Resampler}.
 *
 * <p>The first segment starts {@link StretchParams#lookahead} frames before the first real input frame,
 * inside the silence that {@link WsolaProcessor} pre-rolls; so at rate 1 output frame {@code n} is input
 * frame {@code n - lookahead}, and output can follow input frame for frame.
 */
final class WsolaStage {

    private final int hop;
    private final int overlap;
    private final int seek;
    private final int lookahead;
    private final float[] fadeIn;
    private final SegmentSearch search;

    private final int guard;
    private final int block;
    private final int tolerance;
    /** How far before an onset an anchored segment starts: its cross-fade plus guards. */
    private final int lead;
    private final long[] onsets = new long[8];

    private boolean first;
    private long previousStart;
    private int previousHop;
    private int walkTarget;
    private double nominal;
    private boolean nominalKnown;
    private double walkPosition;
    private double walkAccumulated;

    WsolaStage(StretchParams params) {
        hop = params.hop();
        overlap = params.overlap();
        seek = params.seek();
        lookahead = params.lookahead();
        search = new SegmentSearch(params);
        guard = params.guard();
        block = params.onsetBlock();
        tolerance = params.timingTolerance();
        lead = overlap + 2 * guard;
        fadeIn = new float[overlap];
        for (int i = 0; i < overlap; i++) {
            // sin^2 fades sum to exactly 1: right for the aligned (correlated) signals WSOLA splices.
            double s = Math.sin(0.5 * Math.PI * (i + 0.5) / overlap);
            fadeIn[i] = (float) (s * s);
        }
    }

    /** Starts over with the first segment at input frame {@code firstNominal}. */
    void reset(long firstNominal) {
        first = true;
        previousStart = firstNominal - hop;
        previousHop = hop;
        nominal = firstNominal;
        nominalKnown = true;
    }

    /** The oldest input frame a later hop can read. */
    long oldestNeeded() {
        long cont = previousStart + previousHop;
        long base = (long) Math.floor(nominalKnown ? nominal : walkPosition);
        return Math.min(cont, base - 2L * seek) - 4L * overlap;
    }

    /**
     * The nominal start of the next segment; while the input does not reach it yet, an estimate that
     * assumes {@code rateAfterEnd} for the input still to come.
     */
    double nextNominal(InputRing in, double rateAfterEnd) {
        if (!nominalKnown && !walk(in)) {
            return walkPosition + (walkTarget - walkAccumulated) / rateAfterEnd;
        }
        return nominal;
    }

    /** Writes one hop of output if the input and the intermediate room allow; returns whether it did. */
    boolean hop(InputRing in, Resampler out) {
        if (!nominalKnown && !walk(in)) {
            return false;
        }
        long start = (long) Math.floor(nominal);
        if (in.end() < start + lookahead || out.room() < hop) {
            return false;
        }
        long cont = previousStart + previousHop;
        double rate = in.rate(start);
        long c = first ? start : search.find(in, cont, start, rate);
        int h = anchoredHop(in, c, rate);
        splice(in, out, cont, c, h);
        for (int k = 0; k < h; k++) {
            out.writeRatio(k, in.ratio(c + k));
        }
        out.commit(h);
        previousStart = c;
        previousHop = h;
        first = false;
        walkPosition = nominal;
        walkAccumulated = 0;
        walkTarget = h;
        nominalKnown = false;
        return true;
    }

    /**
     * The length of this hop: {@code hop}, or shorter so that the next segment can start just before an
     * onset at that onset's exact output time. Inside a segment time runs at speed 1, so a segment that
     * starts at {@code c} plays an onset {@code (x - nominal) * rate} output frames into the hop only if
     * it starts at the right place; when it would not, the hop ends early, {@link #lead} frames before
     * where the onset belongs, and the next search (whose onset rule aims at {@code x - lead}) picks it
     * up on time. The cut lands before the onset, where the previous sound is decaying.
     */
    private int anchoredHop(InputRing in, long c, double rate) {
        long from = c + overlap + guard;
        long to = c + hop + overlap + guard + block + lead + seek;
        int n = in.onsets().collect(from, to, onsets);
        for (int k = 0; k < n; k++) {
            double x = onsets[k] + 0.5 * block;
            double ideal = (x - nominal) * rate;
            boolean played = onsets[k] < c + hop + overlap + guard;
            if (played && Math.abs((x - c) - ideal) <= tolerance) {
                continue;
            }
            long h = Math.min(Math.round(ideal) - lead, onsets[k] - c - overlap - guard);
            if (h >= overlap + guard && h < hop) {
                return (int) h;
            }
            if (played || h < hop) {
                return hop;
            }
        }
        return hop;
    }

    private void splice(InputRing in, Resampler out, long cont, long c, int h) {
        int mask = in.mask();
        for (int ch = 0; ch < in.channels(); ch++) {
            float[] x = in.channel(ch);
            int k = 0;
            if (!first && c != cont) {
                for (; k < overlap; k++) {
                    float a = x[(int) ((cont + k) & mask)];
                    float b = x[(int) ((c + k) & mask)];
                    out.write(ch, k, a + fadeIn[k] * (b - a));
                }
            }
            for (; k < h; k++) {
                out.write(ch, k, x[(int) ((c + k) & mask)]);
            }
        }
    }

    /**
     * Advances the nominal position by one hop of output: walks the per-frame rates until they add up
     * to {@code hop}. Resumable, so a walk that runs out of input continues after the next put.
     */
    private boolean walk(InputRing in) {
        double x = walkPosition;
        double acc = walkAccumulated;
        long end = in.end();
        while (true) {
            long i = (long) Math.floor(x);
            if (i >= end) {
                walkPosition = x;
                walkAccumulated = acc;
                return false;
            }
            double rate = in.rate(i);
            double gain = (i + 1 - x) * rate;
            if (acc + gain >= walkTarget) {
                nominal = x + (walkTarget - acc) / rate;
                nominalKnown = true;
                return true;
            }
            acc += gain;
            x = i + 1;
        }
    }

    int hopFrames() {
        return hop;
    }

    int lookahead() {
        return lookahead;
    }
}
