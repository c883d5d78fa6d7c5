package org.segue.plugin.analyzer.timbre.internal;

import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.ResultSink;
import org.segue.api.analysis.StandardResults;
import org.segue.api.audio.AudioBlock;
import org.segue.api.audio.AudioFormat;

/**
 * One track's energy, spectral, structure, mood and timbre analysis, in one pass.
 *
 * <p>Audio is mixed to mono and halved in rate until it is below 40 kHz (44.1/48 kHz once, 96 kHz
 * twice), since nothing above 11 kHz is measured; then cut into ~46 ms Hann frames with 50 %
 * overlap. Frame features go to a {@link FeatureTimeline} of 0.5 s slots and to whole-track
 * {@link TrackStats}; everything else is derived from those two at the end, so memory grows by
 * 88 bytes per half second of audio and {@code accept} allocates nothing.
 */
final class TimbreTask implements AnalysisTask {

    private static final int CHUNK = 4096;
    /** Decimate while the halved rate stays at or above this, keeping 11 kHz below Nyquist. */
    private static final int MIN_DECIMATED_RATE = 20_000;
    private static final double FRAME_SECONDS = 0.0464;

    private final int channels;
    private final int sampleRate;
    private final double rate;
    private final HalfBandDecimator[] stages;
    private final float[] mono = new float[CHUNK];
    private final float[][] stageOut;
    private final int frameSize;
    private final int hop;
    private final float[] frame;
    private final FrameAnalyzer analyzer;
    private final FeatureTimeline timeline;
    private final TrackStats stats = new TrackStats();
    private int fill;
    private long framesIn;
    private long framesAnalysed;
    private int slot;

    TimbreTask(AudioFormat format, long frameLengthHint) {
        this.channels = format.channels();
        this.sampleRate = format.sampleRate();
        int factor = 1;
        while (sampleRate / (2.0 * factor) >= MIN_DECIMATED_RATE) {
            factor *= 2;
        }
        int stageCount = Integer.numberOfTrailingZeros(factor);
        this.rate = sampleRate / (double) factor;
        this.stages = new HalfBandDecimator[stageCount];
        this.stageOut = new float[stageCount][CHUNK / 2 + 1];
        for (int s = 0; s < stageCount; s++) {
            stages[s] = new HalfBandDecimator(CHUNK / 2 + 1);
        }
        this.frameSize = Math.max(256, Integer.highestOneBit((int) Math.round(rate * FRAME_SECONDS * Math.sqrt(2))));
        this.hop = frameSize / 2;
        this.frame = new float[frameSize];
        this.analyzer = new FrameAnalyzer(rate, frameSize);
        long expectedSlots = frameLengthHint > 0 ? frameLengthHint * 2 / sampleRate + 2 : 0;
        this.timeline = new FeatureTimeline((int) Math.min(expectedSlots, 1 << 20));
    }

    @Override
    public void accept(AudioBlock block) {
        int n = block.frames();
        for (int pos = 0; pos < n; pos += CHUNK) {
            int count = Math.min(CHUNK, n - pos);
            downmix(block, pos, count);
            float[] data = mono;
            for (int s = 0; s < stages.length; s++) {
                count = stages[s].process(data, count, stageOut[s]);
                data = stageOut[s];
            }
            push(data, count);
        }
        framesIn += n;
    }

    private void downmix(AudioBlock block, int from, int count) {
        System.arraycopy(block.channel(0), from, mono, 0, count);
        if (channels == 1) {
            return;
        }
        for (int c = 1; c < channels; c++) {
            float[] x = block.channel(c);
            for (int i = 0; i < count; i++) {
                mono[i] += x[from + i];
            }
        }
        float scale = 1f / channels;
        for (int i = 0; i < count; i++) {
            mono[i] *= scale;
        }
    }

    private void push(float[] data, int count) {
        int i = 0;
        while (i < count) {
            int take = Math.min(count - i, frameSize - fill);
            System.arraycopy(data, i, frame, fill, take);
            fill += take;
            i += take;
            if (fill == frameSize) {
                analyseFrame();
                System.arraycopy(frame, hop, frame, 0, frameSize - hop);
                fill = frameSize - hop;
            }
        }
    }

    private void analyseFrame() {
        analyzer.analyse(frame);
        double centre = (framesAnalysed * hop + frameSize / 2.0) / rate;
        int frameSlot = (int) (centre / FeatureTimeline.SLOT_SECONDS);
        while (slot < frameSlot) {
            timeline.closeSlot();
            slot++;
        }
        timeline.add(analyzer);
        stats.add(analyzer);
        framesAnalysed++;
    }

    @Override
    public void partial(ResultSink sink) {
        if (timeline.slots() > 0) {
            sink.put(StandardResults.ENERGY, curve("energy", new EnergyCurves(timeline).absolute));
        }
    }

    @Override
    public void finish(ResultSink sink) {
        if (framesAnalysed == 0 && fill > 0) {
            // Shorter than one frame: analyse what there is, padded with silence.
            java.util.Arrays.fill(frame, fill, frameSize, 0f);
            analyseFrame();
        }
        timeline.closeSlot();
        if (timeline.slots() == 0) {
            return;
        }
        double seconds = framesIn / (double) sampleRate;
        EnergyCurves energy = new EnergyCurves(timeline);
        sink.put(StandardResults.ENERGY, curve("energy", energy.absolute));
        sink.put(TimbreAnalyzer.ENERGY_RELATIVE, curve("energy (relative to the track)", energy.relative));
        sink.put(TimbreAnalyzer.BANDS_LOW, curve("low band RMS (< 250 Hz)", bandLevels(FeatureTimeline.LOW)));
        sink.put(TimbreAnalyzer.BANDS_MID, curve("mid band RMS (250 Hz - 4 kHz)", bandLevels(FeatureTimeline.MID)));
        sink.put(TimbreAnalyzer.BANDS_HIGH, curve("high band RMS (> 4 kHz)", bandLevels(FeatureTimeline.HIGH)));
        sink.put(TimbreAnalyzer.CENTROID, perSecond("spectral centroid (Hz)", FeatureTimeline.CENTROID));
        sink.put(TimbreAnalyzer.ROLLOFF, perSecond("spectral roll-off 85% (Hz)", FeatureTimeline.ROLLOFF));
        sink.put(TimbreAnalyzer.FLATNESS, perSecond("spectral flatness", FeatureTimeline.FLATNESS));
        sink.put(TimbreAnalyzer.FLUX, perSecond("spectral flux", FeatureTimeline.FLUX));
        if (seconds > 0) {
            sink.put(StandardResults.STRUCTURE,
                    new StructureSegmenter(timeline, energy.relative, energy.absolute, seconds).segment());
        }
        double[] raw = embeddingDimensions(energy);
        sink.put(StandardResults.MOOD, MoodEstimator.estimate(energy.meanAbsolute(), raw[41], raw[37], raw[40],
                raw[39], mean(raw, 25, 31)));
        sink.put(StandardResults.TIMBRE, TimbreEmbedding.mfccSummary(stats));
        sink.put(StandardResults.EMBEDDING, TimbreEmbedding.embedding(raw));
    }

    /** The embedding's dimensions before scaling (also read by the corpus calibration harness). */
    double[] embeddingDimensions(EnergyCurves energy) {
        return TimbreEmbedding.raw(stats, energy, Math.max(framesIn / (double) sampleRate, 1e-9));
    }

    /** The same, after {@link #finish}. */
    double[] embeddingDimensions() {
        return embeddingDimensions(new EnergyCurves(timeline));
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    /** A 0.5 s curve; value i describes the middle of slot i. */
    private static FeatureCurve curve(String name, float[] values) {
        return new FeatureCurve(name, FeatureTimeline.SLOT_SECONDS / 2, FeatureTimeline.SLOT_SECONDS, values);
    }

    private float[] bandLevels(int field) {
        float[] v = new float[timeline.slots()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sqrt(timeline.get(i, field));
        }
        return v;
    }

    /**
     * A 1 s curve of a spectral-shape feature: two slots merged, each weighted by its audible
     * share, so a half-silent second reports the shape of its audible half.
     */
    private FeatureCurve perSecond(String name, int field) {
        int n = (timeline.slots() + 1) / 2;
        float[] v = new float[n];
        for (int t = 0; t < n; t++) {
            double sum = 0;
            double weight = 0;
            for (int s = 2 * t; s < Math.min(timeline.slots(), 2 * t + 2); s++) {
                double w = timeline.get(s, FeatureTimeline.AUDIBLE);
                sum += w * timeline.get(s, field);
                weight += w;
            }
            v[t] = weight > 0 ? (float) (sum / weight) : 0;
        }
        return new FeatureCurve(name, 0.5, 1.0, v);
    }

    @Override
    public void close() {
        // Nothing to release: the task holds only heap arrays.
    }
}
