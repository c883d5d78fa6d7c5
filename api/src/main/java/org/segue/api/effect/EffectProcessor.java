package org.segue.api.effect;

import org.osgi.annotation.versioning.ConsumerType;
import org.segue.api.audio.AudioBlock;

/**
 * The running state of one effect instance: filter memories, delay lines, smoothed parameters.
 *
 * <p>State lives here, apart from the {@link Effect} factory, so that it can be allocated and sized
 * on a control thread in {@link #prepare} and then used by the audio thread without allocating; and
 * so that one effect can run on several decks without the instances sharing (and racing on) state.
 *
 * <p>Who calls: the kernel's engine; the thread of each method is in its tag (see the package
 * documentation). The engine never calls two methods concurrently, and ensures happens-before
 * between a {@code [control]} call and the next {@code [audio]} call, so the processor needs no
 * locks or volatile fields of its own.
 *
 * <p>Failure: {@link #prepare} may throw; the engine then leaves the slot bypassed. An exception
 * escaping {@link #process} is a bug: the engine bypasses the processor for the rest of the
 * session and reports it, so one bad plugin cannot stop the music.
 */
@ConsumerType
public interface EffectProcessor {

    /**
     * [control] Sizes the state for a stream, allocating what {@link #process} will need, and sets
     * every parameter to its default. Called before the first {@code process} and again whenever the
     * stream changes; may allocate.
     *
     * @param sampleRate frames per second
     * @param channels channels in every block
     * @param maxFrames the most frames any block will have
     */
    void prepare(int sampleRate, int channels, int maxFrames);

    /**
     * [any] The delay, in frames, that this processor adds to the signal; the engine delays the
     * other paths by as much so decks stay beat-aligned. Fixed between two {@code prepare} calls.
     */
    int latencyFrames();

    /**
     * [audio] Processes one block in place, applying the parameter changes at their frame offsets.
     *
     * <p>Changes are applied with smoothing (a few milliseconds) so that stepped values do not
     * produce zipper noise; the exception is the first block after {@code prepare} or
     * {@link #reset}, whose changes at offset 0 take effect at once so the effect starts in its
     * initial state rather than sweeping there from the defaults.
     *
     * <p>After its input ends the engine keeps calling {@code process} with silent blocks until the
     * output is silent, so echoes and reverbs ring out; the processor needs no notion of a tail.
     *
     * <p>Never allocates, locks, does I/O, logs or throws.
     *
     * @param block the audio, with the prepared channel count and at most the prepared frames
     * @param changes the parameter changes within this block, possibly none
     */
    void process(AudioBlock block, ParameterChanges changes);

    /**
     * [control or audio] Clears the DSP state (filter memories, delay lines, envelopes) without
     * changing parameter values, e.g. when a deck jumps to a new position. Must obey the
     * {@code [audio]} rules.
     */
    void reset();
}
