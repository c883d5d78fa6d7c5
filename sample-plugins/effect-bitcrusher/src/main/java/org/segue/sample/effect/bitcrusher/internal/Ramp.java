package org.segue.sample.effect.bitcrusher.internal;

/**
 * One parameter's value, moving in a straight line to each new target over a fixed time.
 *
 * <p>Why: automation arrives as steps (a knob jumps from 4 to 16 bits). Applied at once, a step
 * makes the waveform jump, which is heard as a click, or as "zipper noise" when steps come often.
 * Moving over 20 ms is too fast to hear as a slide and slow enough not to click.
 *
 * <p>Plain fields and arithmetic only: it runs on the audio thread, where nothing may allocate.
 */
final class Ramp {

    private double value;
    private double target;
    private double step;
    private int remaining;

    /** Jumps to {@code v}, ending any movement. */
    void snap(double v) {
        value = v;
        target = v;
        remaining = 0;
    }

    /** Finishes the current movement at once. */
    void finish() {
        snap(target);
    }

    /** Starts moving from the current value to {@code v}, arriving after {@code frames} frames. */
    void moveTo(double v, int frames) {
        if (frames <= 0 || v == value) {
            snap(v);
            return;
        }
        target = v;
        step = (v - value) / frames;
        remaining = frames;
    }

    /** Advances one frame and returns the value for it. */
    double next() {
        if (remaining > 0) {
            remaining--;
            value = remaining == 0 ? target : value + step;
        }
        return value;
    }

    /** The current value. */
    double value() {
        return value;
    }

    /** Whether the value is still on its way to a target. */
    boolean moving() {
        return remaining > 0;
    }
}
