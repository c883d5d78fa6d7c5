package org.segue.plugin.effect.core.internal;

import org.segue.api.audio.AudioBlock;

/**
 * DJ three-band EQ: cuts through a Linkwitz-Riley isolator, boosts through shelf and peak filters.
 *
 * <p>Cuts: a 4th-order Linkwitz-Riley crossover splits the signal at {@value #LOW_SPLIT} Hz and
 * {@value #HIGH_SPLIT} Hz into bands that sum to an all-pass (flat magnitude), so at 0 dB the EQ is
 * transparent and a cut scales one band only. The knob's dB map to band gain so that -26 dB, the
 * bottom, is gain 0: a true kill (about 48 dB down two octaves from the split), as DJs expect.
 *
 * <p>Boosts: an isolator boost would lift everything within two octaves of the band, so boosts use
 * RBJ filters instead: a low shelf at {@value #LOW_SHELF} Hz, a peak at {@value #MID_PEAK} Hz
 * (Q {@value #MID_Q}) and a high shelf at {@value #HIGH_SHELF} Hz. +6 dB mid is +6 dB at 1 kHz and
 * under 0.5 dB two octaves away. Both paths are exactly neutral at 0 dB, so a knob crossing 0 is
 * seamless.
 */
final class Eq3Processor extends EffectBase {

    static final double LOW_SPLIT = 200;
    static final double HIGH_SPLIT = 3000;
    static final double LOW_SHELF = 150;
    static final double MID_PEAK = 1000;
    static final double MID_Q = 1.2;
    static final double HIGH_SHELF = 4000;
    private static final double BUTTERWORTH_Q = Math.sqrt(0.5);
    private static final double KILL = Math.pow(10, -26 / 20.0);

    private Biquad lowA1, lowA2, highA1, highA2, allPassB, lowB1, lowB2, highB1, highB2;
    private final Biquad[] boosts = new Biquad[3];
    /** Every section, for clearing without allocating. */
    private Biquad[] all;

    Eq3Processor() {
        super(Eq3Effect.DESCRIPTOR);
    }

    /** The band gain for a knob value in dB: the dB value itself, bent so that -26 dB is 0. */
    static double cutGain(double db) {
        if (db >= 0) {
            return 1;
        }
        return Math.max(0, (Dsp.dbToGain(db) - KILL) / (1 - KILL));
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        lowA1 = section(Biquad.LOW_PASS, LOW_SPLIT);
        lowA2 = section(Biquad.LOW_PASS, LOW_SPLIT);
        highA1 = section(Biquad.HIGH_PASS, LOW_SPLIT);
        highA2 = section(Biquad.HIGH_PASS, LOW_SPLIT);
        // The low band gets the high split's all-pass so that its phase matches mid + high.
        allPassB = section(Biquad.ALL_PASS, HIGH_SPLIT);
        lowB1 = section(Biquad.LOW_PASS, HIGH_SPLIT);
        lowB2 = section(Biquad.LOW_PASS, HIGH_SPLIT);
        highB1 = section(Biquad.HIGH_PASS, HIGH_SPLIT);
        highB2 = section(Biquad.HIGH_PASS, HIGH_SPLIT);
        for (int b = 0; b < 3; b++) {
            boosts[b] = new Biquad(channels);
        }
        all = new Biquad[] {lowA1, lowA2, highA1, highA2, allPassB, lowB1, lowB2, highB1, highB2,
            boosts[0], boosts[1], boosts[2]};
    }

    private Biquad section(int type, double frequency) {
        Biquad biquad = new Biquad(channels);
        biquad.design(type, sampleRate, frequency, BUTTERWORTH_Q, 0, false);
        return biquad;
    }

    private void designBoosts(boolean glide) {
        boosts[0].design(Biquad.LOW_SHELF, sampleRate, LOW_SHELF, BUTTERWORTH_Q, Math.max(0, end[0]), glide);
        boosts[1].design(Biquad.PEAK, sampleRate, MID_PEAK, MID_Q, Math.max(0, end[1]), glide);
        boosts[2].design(Biquad.HIGH_SHELF, sampleRate, HIGH_SHELF, BUTTERWORTH_Q, Math.max(0, end[2]), glide);
    }

    @Override
    protected void clearState() {
        for (Biquad b : all) {
            b.clear();
        }
        designBoosts(false);
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        designBoosts(!starting(from));
        double low0 = cutGain(start[0]), low1 = cutGain(end[0]);
        double mid0 = cutGain(start[1]), mid1 = cutGain(end[1]);
        double high0 = cutGain(start[2]), high1 = cutGain(end[2]);
        int n = to - from;
        for (int c = 0; c < blockChannels; c++) {
            float[] x = block.channel(c);
            for (int i = 0; i < n; i++) {
                double in = x[from + i];
                double low = allPassB.process(c, lowA2.process(c, lowA1.process(c, in)));
                double rest = highA2.process(c, highA1.process(c, in));
                double mid = lowB2.process(c, lowB1.process(c, rest));
                double high = highB2.process(c, highB1.process(c, rest));
                double y = ramp(low0, low1, i, n) * low + ramp(mid0, mid1, i, n) * mid + ramp(high0, high1, i, n) * high;
                double f = (i + 1) / (double) n;
                y = boosts[2].process(c, boosts[1].process(c, boosts[0].process(c, y, f), f), f);
                x[from + i] = (float) y;
            }
        }
    }
}
