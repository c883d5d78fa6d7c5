package org.segue.plugin.analyzer.loudness.internal;

import org.segue.support.dsp.FloatList;
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.ResultSink;
import org.segue.api.analysis.StandardResults;
import org.segue.api.audio.AudioBlock;
import org.segue.api.audio.AudioFormat;

/**
 * One track's loudness measurement, in one pass.
 *
 * <p>The stream is cut into 100 ms sub-blocks; each holds the channel-weighted sum of squared
 * K-weighted samples. The last 4 sub-blocks form the 400 ms gating block of BS.1770 (overlapping
 * by 75 %, one block every 100 ms) and the last 30 the 3 s short-term window of EBU Tech 3342,
 * also every 100 ms. Blocks go into {@link LoudnessHistogram}s, so memory is fixed however long
 * the track; only the short-term curve (one float per 0.5 s) grows with it.
 *
 * <p>For sample rates whose tenth of a second is not a whole number of frames, sub-block
 * boundaries are rounded from the exact time, and powers are divided by the true frame counts.
 *
 * <p>{@code accept} allocates nothing: every buffer is sized here, from the format.
 */
final class LoudnessTask implements AnalysisTask {

    private static final int SUBBLOCKS_PER_BLOCK = 4;
    private static final int SUBBLOCKS_PER_SHORT_TERM = 30;
    private static final int SUBBLOCKS_PER_CURVE_POINT = 5;
    /** Floor of the short-term curve: curves must be finite, and below the gate is "silence". */
    private static final float CURVE_FLOOR_LUFS = (float) LoudnessHistogram.ABSOLUTE_GATE_LUFS;

    private final int sampleRate;
    private final int channels;
    private final double[] weights;
    private final KWeighting filter;
    private final TruePeakMeter[] peakMeters;
    private final LoudnessHistogram blocks = new LoudnessHistogram();
    private final LoudnessHistogram shortTerms = new LoudnessHistogram();
    private final FloatList curve;

    private final double[] channelSums;
    // Ring of the last 30 sub-blocks: weighted energy and frame count.
    private final double[] ringEnergy = new double[SUBBLOCKS_PER_SHORT_TERM];
    private final int[] ringFrames = new int[SUBBLOCKS_PER_SHORT_TERM];
    private long subBlocks;
    private long frames;
    private long subBlockEnd;
    private boolean finished;

    LoudnessTask(AudioFormat format, long frameLengthHint) {
        this.sampleRate = format.sampleRate();
        this.channels = format.channels();
        this.weights = ChannelWeights.of(channels);
        this.filter = new KWeighting(sampleRate, channels);
        this.peakMeters = new TruePeakMeter[channels];
        for (int c = 0; c < channels; c++) {
            peakMeters[c] = new TruePeakMeter(sampleRate);
        }
        this.channelSums = new double[channels];
        this.subBlockEnd = subBlockEnd(0);
        long expectedPoints = frameLengthHint > 0 ? frameLengthHint * 2 / sampleRate + 2 : 0;
        this.curve = new FloatList((int) Math.min(expectedPoints, 1 << 20));
    }

    /** The frame index where sub-block {@code index} ends: the nearest frame to {@code (index + 1) / 10} s. */
    private long subBlockEnd(long index) {
        // At least one frame per sub-block, so absurdly low rates (the api allows 1 Hz) cannot stall.
        return Math.max(index + 1, ((index + 1) * sampleRate + 5) / 10);
    }

    @Override
    public void accept(AudioBlock block) {
        int n = block.frames();
        int pos = 0;
        while (pos < n) {
            int segment = (int) Math.min(n - pos, subBlockEnd - frames);
            if (channels == 2) {
                filter.sumOfSquaresStereo(block.channel(0), block.channel(1), pos, segment, channelSums);
            } else {
                for (int c = 0; c < channels; c++) {
                    channelSums[c] += filter.sumOfSquares(c, block.channel(c), pos, segment);
                }
            }
            pos += segment;
            frames += segment;
            if (frames == subBlockEnd) {
                closeSubBlock();
            }
        }
        for (int c = 0; c < channels; c++) {
            peakMeters[c].process(block.channel(c), 0, n);
        }
    }

    private void closeSubBlock() {
        double energy = 0;
        for (int c = 0; c < channels; c++) {
            energy += weights[c] * channelSums[c];
            channelSums[c] = 0;
        }
        int slot = (int) (subBlocks % SUBBLOCKS_PER_SHORT_TERM);
        long start = subBlocks == 0 ? 0 : subBlockEnd(subBlocks - 1);
        ringEnergy[slot] = energy;
        ringFrames[slot] = (int) (subBlockEnd - start);
        subBlocks++;
        subBlockEnd = subBlockEnd(subBlocks);

        if (subBlocks >= SUBBLOCKS_PER_BLOCK) {
            blocks.add(meanPower(SUBBLOCKS_PER_BLOCK));
        }
        if (subBlocks >= SUBBLOCKS_PER_SHORT_TERM) {
            double power = meanPower(SUBBLOCKS_PER_SHORT_TERM);
            shortTerms.add(power);
            if ((subBlocks - SUBBLOCKS_PER_SHORT_TERM) % SUBBLOCKS_PER_CURVE_POINT == 0) {
                curve.add((float) Math.max(CURVE_FLOOR_LUFS, LoudnessHistogram.lufs(power)));
            }
        }
    }

    /** The weighted mean square over the last {@code count} sub-blocks. */
    private double meanPower(int count) {
        double energy = 0;
        long n = 0;
        for (int i = 1; i <= count; i++) {
            int slot = (int) ((subBlocks - i) % SUBBLOCKS_PER_SHORT_TERM);
            energy += ringEnergy[slot];
            n += ringFrames[slot];
        }
        return energy / n;
    }

    private Loudness loudness() {
        float peak = 0;
        for (TruePeakMeter meter : peakMeters) {
            peak = Math.max(peak, meter.peak());
        }
        return new Loudness(blocks.integrated(), shortTerms.range(), 20 * Math.log10(peak));
    }

    @Override
    public void partial(ResultSink sink) {
        sink.put(StandardResults.LOUDNESS, loudness());
    }

    @Override
    public void finish(ResultSink sink) {
        if (!finished) {
            finished = true;
            // An incomplete last sub-block is dropped: BS.1770 gates whole blocks only.
            for (TruePeakMeter meter : peakMeters) {
                meter.flush();
            }
        }
        sink.put(StandardResults.LOUDNESS, loudness());
        if (curve.size() > 0) {
            // Point i is the 3 s window ending at 3 + 0.5 i s, so it is placed at the window's middle.
            sink.put(LoudnessAnalyzer.SHORT_TERM, new FeatureCurve("short-term loudness (LUFS)",
                    SUBBLOCKS_PER_SHORT_TERM / 20.0, SUBBLOCKS_PER_CURVE_POINT / 10.0, curve.toArray()));
        }
    }

    @Override
    public void close() {
        // Nothing to release: the task holds only heap arrays.
    }
}
