package org.segue.plugin.effect.core.internal;

import org.segue.api.audio.AudioBlock;

/**
 * A parametric biquad: type (0 peak, 1 low shelf, 2 high shelf, 3 low-pass, 4 high-pass,
 * 5 band-pass; rounded to the nearest), frequency, Q and gain (for the peak and shelves).
 *
 * <p>Frequency, Q and gain glide (coefficients recomputed every sub-block). The type cannot
 * glide, and switching a section's coefficients under its state would click, so a type change
 * crossfades over {@value #FADE_SECONDS} s from the old section, which keeps running, to a new one;
 * a further type change waits for the fade to end.
 */
final class BiquadProcessor extends EffectBase {

    static final double FADE_SECONDS = 0.01;
    private static final int[] TYPES = {Biquad.PEAK, Biquad.LOW_SHELF, Biquad.HIGH_SHELF, Biquad.LOW_PASS,
        Biquad.HIGH_PASS, Biquad.BAND_PASS};

    private Biquad current;
    private Biquad previous;
    private int type;
    private int fadeFrames;
    private int fadeLeft;

    BiquadProcessor() {
        super(BiquadEffect.DESCRIPTOR);
    }

    @Override
    protected double rampSeconds(int parameter) {
        return parameter == 0 ? 0 : RAMP_SECONDS;
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        current = new Biquad(channels);
        previous = new Biquad(channels);
        fadeFrames = Math.max(1, (int) Math.round(FADE_SECONDS * sampleRate));
    }

    @Override
    protected void clearState() {
        type = requestedType();
        design(current, false);
        current.clear();
        previous.clear();
        fadeLeft = 0;
    }

    private int requestedType() {
        return (int) Math.round(Dsp.clamp(end[0], 0, TYPES.length - 1));
    }

    private void design(Biquad section, boolean glide) {
        section.design(TYPES[type], sampleRate, end[1], end[2], end[3], glide);
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        int requested = requestedType();
        if (requested != type && starting(from)) {
            type = requested;
            current.clear();
            design(current, false);
        } else if (requested != type && fadeLeft == 0) {
            Biquad old = previous;
            previous = current;
            current = old;
            current.clear();
            type = requested;
            design(current, false);
            fadeLeft = fadeFrames;
        } else {
            // Every sub-block, so that a glide ends with its sub-block. A type change during a
            // fade waits (above) until the fade is over; the fading-out section keeps its response.
            design(current, !starting(from));
        }
        int n = to - from;
        int fade = fadeLeft;
        for (int c = 0; c < blockChannels; c++) {
            float[] x = block.channel(c);
            if (fade == 0) {
                for (int i = 0; i < n; i++) {
                    x[from + i] = (float) current.process(c, x[from + i], (i + 1) / (double) n);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double in = x[from + i];
                    double newer = current.process(c, in, (i + 1) / (double) n);
                    double older = previous.process(c, in);
                    double f = 1 - Math.max(0, fade - i - 1) / (double) fadeFrames;
                    x[from + i] = (float) (older + f * (newer - older));
                }
            }
        }
        fadeLeft = Math.max(0, fade - n);
    }
}
