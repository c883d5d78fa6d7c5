package org.segue.sample.analyzer.danceability.internal;

import java.util.Arrays;

import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.ResultSink;
import org.segue.api.audio.AudioBlock;

/**
 * The analysis of one track: turns the audio into an onset curve as it streams past, then measures
 * the curve's pulse in {@link #finish}.
 *
 * <p>The onset curve has one value per 10 ms hop: how much the level (over the last
 * {@link #WINDOW_HOPS} hops, on a log scale like the ear's) rose since the previous hop, less a
 * small {@link #SWELL} floor. Drums and plucked notes make peaks; held notes and steady noise
 * make little. Keeping the curve, not the audio, bounds memory at 400 bytes per second of music
 * (under 3 MB for two hours), which the api asks of analyzers.
 *
 * <p>Segue calls one task from one thread at a time, so it needs no locks. Blocks are shared with
 * other analyzers and reused: the task reads them and keeps no reference.
 */
final class DanceabilityTask implements AnalysisTask {

    /** Hop of the onset curve: fine enough for beats, coarse enough to be cheap. */
    static final double HOP_SECONDS = 0.01;

    /**
     * Rises smaller than this (natural log of energy, about 1.3 dB) within one hop are swells, not
     * attacks: held notes whose partials beat against each other swell and fade regularly, and
     * without this floor that slow wobble would pass for a pulse.
     */
    static final double SWELL = 0.3;

    /**
     * The level is measured over the last four hops (40 ms): partials a few semitones apart beat at
     * tens of hertz, which a 10 ms window would see as a flurry of attacks.
     */
    static final int WINDOW_HOPS = 4;

    private final int hopFrames;
    private double hopEnergy;
    private int hopFill;
    private final double[] window = new double[WINDOW_HOPS];
    private int windowed;
    private double previousLevel;
    private boolean first = true;
    private float[] onsets = new float[1024];
    private int count;

    DanceabilityTask(int sampleRate) {
        this.hopFrames = Math.max(1, (int) Math.round(sampleRate * HOP_SECONDS));
    }

    @Override
    public void accept(AudioBlock block) {
        int channels = block.channelCount();
        for (int i = 0; i < block.frames(); i++) {
            double mono = 0;
            for (int c = 0; c < channels; c++) {
                mono += block.channel(c)[i];
            }
            mono /= channels;
            hopEnergy += mono * mono;
            // Hops continue across blocks, so the result does not depend on how the audio was cut.
            if (++hopFill == hopFrames) {
                endHop();
            }
        }
    }

    private void endHop() {
        window[windowed++ % WINDOW_HOPS] = hopEnergy / hopFrames;
        double energy = 0;
        for (double e : window) {
            energy += e;
        }
        // A log level hears a rise from -40 dB like one from -10 dB; 1e-10 (-100 dB) keeps silence finite.
        double level = Math.log(energy / WINDOW_HOPS + 1e-10);
        if (!first) {
            if (count == onsets.length) {
                onsets = Arrays.copyOf(onsets, count * 2);
            }
            onsets[count++] = (float) Math.max(0, level - previousLevel - SWELL);
        }
        first = false;
        previousLevel = level;
        hopEnergy = 0;
        hopFill = 0;
    }

    @Override
    public void finish(ResultSink sink) {
        Danceability result = PulseAnalysis.measure(Arrays.copyOf(onsets, count), HOP_SECONDS);
        if (result != null) {
            sink.put(Danceability.KEY, result);
        }
    }

    @Override
    public void close() {
        onsets = new float[0]; // nothing else to release: no files, no threads
    }
}
