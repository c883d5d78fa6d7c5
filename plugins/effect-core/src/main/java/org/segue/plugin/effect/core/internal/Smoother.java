package org.segue.plugin.effect.core.internal;

/**
 * A linear ramp towards a target value, so that a stepped parameter moves over a fixed time
 * instead of jumping (which is heard as a click, or as zipper noise when automation steps often).
 *
 * <p>Why linear and not one-pole: a ramp arrives exactly, in a known time, so steady-state
 * measurements and the first-block rule ("take effect at once") need no tolerance; and a new
 * target in mid-ramp simply starts a new ramp from where the value is.
 */
final class Smoother {

    private double value;
    private double target;
    private double step;
    private int remaining;
    private int rampFrames;

    /** How many frames a ramp takes; 0 makes every new target apply at once. */
    void setRampFrames(int frames) {
        rampFrames = Math.max(0, frames);
    }

    /** Jumps to {@code v} and stops any ramp. */
    void snap(double v) {
        value = v;
        target = v;
        remaining = 0;
    }

    /** Finishes the current ramp at once. */
    void finish() {
        snap(target);
    }

    /** Starts a ramp from the current value to {@code v}. */
    void setTarget(double v) {
        if (rampFrames == 0 || v == value) {
            snap(v);
            return;
        }
        target = v;
        step = (v - value) / rampFrames;
        remaining = rampFrames;
    }

    /** Moves {@code frames} frames along the ramp; returns the value reached. */
    double advance(int frames) {
        if (remaining > 0) {
            if (frames >= remaining) {
                snap(target);
            } else {
                value += step * frames;
                remaining -= frames;
            }
        }
        return value;
    }

    boolean moving() {
        return remaining > 0;
    }

    double value() {
        return value;
    }

    double target() {
        return target;
    }
}
