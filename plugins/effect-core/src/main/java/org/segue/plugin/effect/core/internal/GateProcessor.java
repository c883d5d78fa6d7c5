package org.segue.plugin.effect.core.internal;

import org.segue.api.audio.AudioBlock;

/**
 * Noise gate, stereo-linked, with hysteresis, attack, hold and release.
 *
 * <p>The key level is a peak envelope of the channels (instant rise, {@value #ENVELOPE_MS} ms
 * fall). The gate opens when it exceeds the threshold and closes only when it has stayed below
 * {@code threshold - hysteresis} for the hold time, so a level hovering around the threshold does
 * not chatter. The gain travels from closed (0: silence, not just attenuation) to open (1) in the
 * attack time and back in the release time, along a smoothstep curve whose ends are flat, so even
 * a short attack starts and stops without a kink that would click; a one-pole of a third of the
 * attack time rounds the one corner left, where the gate re-opens in the middle of a release.
 */
final class GateProcessor extends EffectBase {

    static final String HYSTERESIS = "hysteresis";
    static final double ENVELOPE_MS = 20;
    private static final int THRESHOLD = 0, ATTACK = 1, HOLD = 2, RELEASE = 3, HYSTERESIS_DB = 4;

    private double envelope;
    private double envelopeFall;
    private boolean open;
    private int holdLeft;
    /** Where the gain is between closed (0) and open (1), before the smoothstep. */
    private double travel;
    /** The applied gain: the smoothstep of the travel, its corners rounded by a one-pole. */
    private double gain;

    GateProcessor() {
        super(GateEffect.DESCRIPTOR);
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        envelopeFall = Math.exp(-1000 / (ENVELOPE_MS * sampleRate));
    }

    @Override
    protected void clearState() {
        envelope = 0;
        open = false;
        holdLeft = 0;
        travel = 0;
        gain = 0;
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        double openLevel = Dsp.dbToGain(end[THRESHOLD]);
        double closeLevel = Dsp.dbToGain(end[THRESHOLD] - end[HYSTERESIS_DB]);
        double up = 1000 / (end[ATTACK] * sampleRate);
        double down = 1000 / (end[RELEASE] * sampleRate);
        int holdFrames = (int) (end[HOLD] * sampleRate / 1000);
        double rounding = 1 - Math.exp(-3000 / (end[ATTACK] * sampleRate));
        int n = to - from;
        int count = blockChannels;
        for (int i = 0; i < n; i++) {
            double peak = 0;
            for (int c = 0; c < count; c++) {
                peak = Math.max(peak, Math.abs(block.channel(c)[from + i]));
            }
            envelope = peak > envelope ? peak : Dsp.flush(envelope * envelopeFall);
            if (envelope > openLevel) {
                open = true;
                holdLeft = holdFrames;
            } else if (envelope < closeLevel) {
                if (holdLeft > 0) {
                    holdLeft--;
                } else {
                    open = false;
                }
            }
            travel = open ? Math.min(1, travel + up) : Math.max(0, travel - down);
            double shaped = travel * travel * (3 - 2 * travel);
            gain = shaped == 0 && gain < 1e-6 ? 0 : gain + rounding * (shaped - gain);
            float g = (float) gain;
            for (int c = 0; c < count; c++) {
                block.channel(c)[from + i] *= g;
            }
        }
    }
}
