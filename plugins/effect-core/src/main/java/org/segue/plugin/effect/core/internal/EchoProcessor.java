package org.segue.plugin.effect.core.internal;

import java.util.Arrays;

import org.segue.api.audio.AudioBlock;

/**
 * Tempo-synced echo: a delay of {@code beats * 60 / bpm} seconds (rounded to the frame), with
 * feedback through a gentle one-pole low-pass ({@value #LOOP_CUTOFF} Hz) so each repeat is a little
 * darker, like tape, and the DJ mix law for dry and wet (see {@link Dsp#djDry}).
 *
 * <p>Delay-time changes (a new beat length, or the bpm following a tempo glide) do not move the
 * read position, which would sweep the pitch of everything in the line; instead the processor
 * crossfades from the old tap to one at the new delay over {@value #FADE_SECONDS} s. A change
 * during a fade waits for its end. The first echo of an impulse is the impulse itself, exactly
 * one delay later; each further repeat has the feedback gain (the loop filter's DC gain is 1).
 */
final class EchoProcessor extends EffectBase {

    static final double LOOP_CUTOFF = 6000;
    static final double FADE_SECONDS = 0.04;
    static final double MAX_SECONDS = 4 * 60 / 40.0;
    private static final int BEATS = 0, BPM = 1, FEEDBACK = 2, MIX = 3;

    private DelayLine[] lines;
    private double[] loop;
    private double loopCoefficient;
    private int delay;
    private int nextDelay;
    private int fadeFrames;
    private int fadeLeft;

    EchoProcessor() {
        super(EchoEffect.DESCRIPTOR);
    }

    @Override
    protected double rampSeconds(int parameter) {
        // Delay times are not glided but crossfaded; see the class comment.
        return parameter == BEATS || parameter == BPM ? 0 : RAMP_SECONDS;
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        lines = new DelayLine[channels];
        for (int c = 0; c < channels; c++) {
            lines[c] = new DelayLine((int) Math.ceil(MAX_SECONDS * sampleRate) + 1);
        }
        loop = new double[channels];
        loopCoefficient = 1 - Math.exp(-2 * Math.PI * LOOP_CUTOFF / sampleRate);
        fadeFrames = (int) Math.round(FADE_SECONDS * sampleRate);
    }

    @Override
    protected void clearState() {
        for (DelayLine line : lines) {
            line.clear();
        }
        Arrays.fill(loop, 0);
        delay = nextDelay = targetDelay();
        fadeLeft = 0;
    }

    /** The delay in frames that the current beats and bpm ask for. */
    private int targetDelay() {
        double frames = Math.round(end[BEATS] * 60 / end[BPM] * sampleRate);
        return (int) Dsp.clamp(frames, 1, lines[0].maxDelay());
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        int target = targetDelay();
        if (starting(from)) {
            delay = nextDelay = target;
            fadeLeft = 0;
        } else if (fadeLeft == 0 && target != delay) {
            nextDelay = target;
            fadeLeft = fadeFrames;
        }
        int n = to - from;
        int fade = fadeLeft;
        for (int c = 0; c < blockChannels; c++) {
            float[] x = block.channel(c);
            DelayLine line = lines[c];
            double state = loop[c];
            for (int i = 0; i < n; i++) {
                double wet = line.read(delay);
                if (fade > 0) {
                    double f = 1 - Math.max(0, fade - i - 1) / (double) fadeFrames;
                    wet += f * (line.read(nextDelay) - wet);
                }
                state = Dsp.flush(state + loopCoefficient * (wet - state));
                double in = x[from + i];
                line.write(Dsp.flush((float) (in + ramp(start[FEEDBACK], end[FEEDBACK], i, n) * state)));
                double mix = ramp(start[MIX], end[MIX], i, n);
                x[from + i] = (float) (Dsp.djDry(mix) * in + Dsp.djWet(mix) * wet);
            }
            loop[c] = state;
        }
        if (fade > 0) {
            fadeLeft = Math.max(0, fade - n);
            if (fadeLeft == 0) {
                delay = nextDelay;
            }
        }
    }
}
