package org.segue.plugin.effect.core.internal;

/** Small numeric helpers shared by the processors. */
final class Dsp {

    /**
     * Below this, state in a feedback path is set to zero. Decaying tails otherwise sink into the
     * subnormal range, where every operation costs the CPU 10-100 times more and the subnormals
     * reach the next effect. 1e-30 is 600 dB below full scale: nothing audible is lost.
     */
    static final double FLUSH = 1e-30;

    private Dsp() {
    }

    static double flush(double x) {
        return Math.abs(x) < FLUSH ? 0 : x;
    }

    static float flush(float x) {
        return Math.abs(x) < FLUSH ? 0f : x;
    }

    static double dbToGain(double db) {
        return Math.exp(db * (Math.log(10) / 20));
    }

    static double clamp(double x, double min, double max) {
        return x < min ? min : x > max ? max : x;
    }

    /**
     * The dry gain of the DJ mix law used by echo and reverb: the dry signal stays at full level up
     * to a mix of 0.5 and fades out above, while the wet signal rises to full level at 0.5. So the
     * middle of the knob adds the effect without ducking the track, and 1 is the effect alone.
     */
    static double djDry(double mix) {
        return Math.min(1, 2 * (1 - mix));
    }

    /** The wet gain of the DJ mix law; see {@link #djDry}. */
    static double djWet(double mix) {
        return Math.min(1, 2 * mix);
    }
}
