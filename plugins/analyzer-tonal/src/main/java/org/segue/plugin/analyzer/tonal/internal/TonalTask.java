package org.segue.plugin.analyzer.tonal.internal;

import java.util.Arrays;

import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.ChordQuality;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.ResultSink;
import org.segue.api.analysis.StandardResults;
import org.segue.api.audio.AudioBlock;
import org.segue.api.audio.AudioFormat;

/**
 * The tonal analysis of one track: audio in, chroma frames stored as it goes, key and chords at
 * the end.
 *
 * <p>{@link #accept} downmixes and decimates the block, slides a 4096-sample frame over the
 * result with a hop of about 0.1 s and stores each frame's chroma ({@link ChromaStore}); it keeps
 * no audio beyond one frame and allocates nothing once its scratch arrays have grown to the
 * host's block size. {@link #partial} gives a running key from the chroma summed so far.
 * {@link #finish} folds the stored chroma with the track's tuning, decodes the chords, splits the
 * track into key stretches and labels each.
 */
final class TonalTask implements AnalysisTask {

    private static final int FRAME_SIZE = 4096;
    private static final double HOP_SECONDS = 0.1;
    /** Seconds of music before partial results give a key. */
    private static final double PARTIAL_MIN_SECONDS = 2;

    private final TonalSettings settings;
    private final int sampleRate;
    private final Decimator decimator;
    private final ChromaExtractor extractor;
    private final ChromaStore store;
    private final KeyProfiles profiles;
    private final KeyEstimator keys;
    private final ChordTemplates templates;
    private final float[] priorCost;
    private final double framesPerSecond;
    private final int hop;
    private final float[] ring = new float[FRAME_SIZE];
    private final float[] treble36 = new float[ChromaExtractor.BINS];
    private final float[] bass36 = new float[ChromaExtractor.BINS];
    private final float[] runningTreble = new float[ChromaExtractor.BINS];
    private final float[] runningBass = new float[ChromaExtractor.BINS];
    private final float[] fold12 = new float[12];
    private final float[] foldBass12 = new float[12];
    private final float[][] channels;
    private float[] decimated = new float[0];
    private int writeIndex;
    private long pushed;
    private long nextFrameAt;
    private long inputFrames;
    private double strengthSum;
    private int soundingFrames;
    private boolean finished;
    private Tuning partialTuning;

    TonalTask(AudioFormat format, long frameLengthHint, TonalSettings settings) {
        this.settings = settings;
        sampleRate = format.sampleRate();
        channels = new float[format.channels()][];
        decimator = new Decimator(sampleRate);
        double rate = sampleRate / (double) decimator.factor();
        hop = Math.max(1, (int) Math.round(rate * HOP_SECONDS));
        framesPerSecond = rate / hop;
        extractor = new ChromaExtractor(FRAME_SIZE, rate);
        long expected = frameLengthHint > 0 ? (long) (frameLengthHint / (double) sampleRate * framesPerSecond) + 8 : 0;
        store = new ChromaStore((int) Math.min(expected, 1 << 20));
        // Frame i is centred on decimated sample i * hop: the ring starts as half a frame of zeros.
        nextFrameAt = FRAME_SIZE / 2;
        profiles = new KeyProfiles(settings.keyProfile());
        keys = new KeyEstimator(profiles);
        ChordQuality[] qualities = settings.extendedChords() ? ChordQuality.values()
                : new ChordQuality[] {ChordQuality.MAJOR, ChordQuality.MINOR};
        templates = new ChordTemplates(qualities);
        priorCost = new float[qualities.length];
        for (int q = 0; q < qualities.length; q++) {
            priorCost[q] = priorCost(qualities[q]);
        }
    }

    /**
     * What a quality must gain over a triad in fit before it is chosen: sevenths a little,
     * rarer triads more. A triad with a passing melody note then stays a triad.
     */
    private static float priorCost(ChordQuality quality) {
        return switch (quality) {
            case MAJOR, MINOR -> 0f;
            case DOMINANT_7, MINOR_7, MAJOR_7 -> 0.03f;
            case DIMINISHED, SUS4, SUS2, HALF_DIMINISHED_7 -> 0.05f;
            case AUGMENTED -> 0.06f;
        };
    }

    @Override
    public void accept(AudioBlock block) {
        int frames = block.frames();
        if (frames <= 0) {
            return;
        }
        int count = Math.min(channels.length, block.channelCount());
        for (int c = 0; c < count; c++) {
            channels[c] = block.channel(c);
        }
        int needed = decimator.maxOutput(frames);
        if (decimated.length < needed) {
            decimated = new float[Math.max(needed, 2 * decimated.length)];
        }
        int produced = decimator.process(channels, count, frames, decimated);
        // The arrays belong to the host's reused block: drop them before returning.
        Arrays.fill(channels, null);
        inputFrames += frames;
        for (int i = 0; i < produced; i++) {
            push(decimated[i]);
        }
    }

    private void push(float sample) {
        ring[writeIndex] = sample;
        writeIndex = (writeIndex + 1) & (FRAME_SIZE - 1);
        if (++pushed == nextFrameAt) {
            nextFrameAt += hop;
            Arrays.fill(treble36, 0);
            Arrays.fill(bass36, 0);
            float strength = extractor.analyse(ring, writeIndex, treble36, bass36);
            store.add(treble36, bass36, strength);
            if (strength >= FrameWeights.SILENT) {
                // Weighted as FrameWeights does at the end, against the mean strength so far.
                strengthSum += strength;
                soundingFrames++;
                float reference = FrameWeights.RELIABLE_SHARE * (float) (strengthSum / soundingFrames);
                float weight = Math.min(1, strength / reference);
                addNormalised(treble36, runningTreble, weight);
                addNormalised(bass36, runningBass, weight);
            }
        }
    }

    private static void addNormalised(float[] chroma, float[] into, float weight) {
        float sum = 0;
        for (float v : chroma) {
            sum += v;
        }
        if (sum > 0) {
            for (int i = 0; i < chroma.length; i++) {
                into[i] += chroma[i] * weight / sum;
            }
        }
    }

    @Override
    public void partial(ResultSink sink) {
        if (store.frames() < PARTIAL_MIN_SECONDS * framesPerSecond) {
            return;
        }
        double semitones = extractor.tuning();
        if (partialTuning == null || Math.abs(partialTuning.semitones() - semitones) > 0.005) {
            partialTuning = new Tuning(semitones); // rebuilt only while the estimate still moves
        }
        Tuning tuning = partialTuning;
        tuning.fold(runningTreble, fold12);
        tuning.fold(runningBass, foldBass12);
        int key = keys.estimate(fold12, foldBass12, null, 0, 0, templates, framesPerSecond);
        double confidence = keys.scaleFit();
        if (confidence > 0) {
            sink.put(StandardResults.KEY, new KeyEstimate(KeyProfiles.key(key), Math.min(1, confidence)));
        }
    }

    @Override
    public void finish(ResultSink sink) {
        if (finished) {
            return;
        }
        finished = true;
        // Flush: zeros after the end until every frame centred inside the audio has been analysed.
        long end = pushed;
        while (nextFrameAt - FRAME_SIZE / 2 < end) {
            push(0);
        }
        double duration = inputFrames / (double) sampleRate;
        new TonalSummary(this, store, extractor.tuning()).publish(sink, duration);
    }

    TonalSettings settings() {
        return settings;
    }

    double framesPerSecond() {
        return framesPerSecond;
    }

    KeyProfiles profiles() {
        return profiles;
    }

    KeyEstimator keys() {
        return keys;
    }

    ChordTemplates templates() {
        return templates;
    }

    float[] priorCost() {
        return priorCost;
    }

    @Override
    public void close() {
        // Nothing to release beyond memory; the stored frames go with the task.
    }
}
