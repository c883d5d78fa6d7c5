package org.segue.api.mix;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One deck's time-stretch and pitch-shift state, used push/pull: {@link #put} input as it is
 * decoded, {@link #take} output as the mixer needs it. Speed and pitch may change between calls
 * (tempo ramps across a transition).
 *
 * <p>Threads: {@code [control]} methods on a control thread while no audio is processed;
 * {@code [audio]} methods on the render thread, never concurrently. The {@code [audio]} methods
 * must not allocate, lock, do I/O or throw, like {@link org.segue.api.effect.EffectProcessor#process}.
 */
@ConsumerType
public interface StretchProcessor {

    /**
     * [control] Sizes the state, allocating what the audio methods need; resets speed to 1 and pitch
     * to 0.
     *
     * @param maxFrames the most frames any {@code put} or {@code take} call will pass
     */
    void prepare(int sampleRate, int channels, int maxFrames);

    /**
     * [audio] Sets the playback speed (2 = twice as fast, half as long) with the pitch unchanged,
     * and the pitch shift in semitones with the speed unchanged. Takes effect for the next input.
     *
     * @param speed within 0.5..2
     * @param pitchSemitones within -12..12
     */
    void set(double speed, double pitchSemitones);

    /**
     * [audio] How many input frames should be {@link #put} before {@code take} can deliver
     * {@code outputFrames} more frames; 0 when enough is buffered.
     */
    int inputNeeded(int outputFrames);

    /** [audio] Appends {@code frames} frames of planar input. */
    void put(float[][] input, int offset, int frames);

    /** [audio] Frames of output ready now. */
    int available();

    /**
     * [audio] Moves up to {@code maxFrames} frames of output into {@code output} at {@code offset}.
     *
     * @return the frames written
     */
    int take(float[][] output, int offset, int maxFrames);

    /**
     * [any] Frames of delay from input to output at speed 1; the engine shifts its cue points by it
     * so the stretched deck stays on the beat grid.
     */
    int latencyFrames();

    /** [control or audio] Drops buffered input and output (the deck jumped). */
    void reset();
}
