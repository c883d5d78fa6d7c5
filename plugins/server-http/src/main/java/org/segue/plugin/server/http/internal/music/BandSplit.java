package org.segue.plugin.server.http.internal.music;

/**
 * Splits a mono signal into three bands, below 250 Hz, 250–4000 Hz and above 4000 Hz, with
 * fourth-order Linkwitz–Riley filters (two cascaded Butterworth biquads per edge, 24 dB per
 * octave). That is steep enough for a waveform's colours: a 100 Hz tone sits 32 dB down in the mid
 * band and far lower in the high band. Not for audio output: the bands are not phase-aligned
 * against each other, which a picture of peaks does not mind.
 */
final class BandSplit {

    static final double LOW_EDGE_HZ = 250;
    static final double HIGH_EDGE_HZ = 4000;

    private final Biquad[] low;
    private final Biquad[] mid;
    private final Biquad[] high;

    BandSplit(int sampleRate) {
        // Above Nyquist an edge cannot be placed; such a low rate has no high band at all.
        double highEdge = Math.min(HIGH_EDGE_HZ, 0.45 * sampleRate);
        double lowEdge = Math.min(LOW_EDGE_HZ, 0.45 * sampleRate);
        low = new Biquad[] {Biquad.lowPass(sampleRate, lowEdge), Biquad.lowPass(sampleRate, lowEdge)};
        mid = new Biquad[] {Biquad.highPass(sampleRate, lowEdge), Biquad.highPass(sampleRate, lowEdge),
                Biquad.lowPass(sampleRate, highEdge), Biquad.lowPass(sampleRate, highEdge)};
        high = new Biquad[] {Biquad.highPass(sampleRate, highEdge), Biquad.highPass(sampleRate, highEdge)};
    }

    float low(float x) {
        return run(low, x);
    }

    float mid(float x) {
        return run(mid, x);
    }

    float high(float x) {
        return run(high, x);
    }

    private static float run(Biquad[] chain, float x) {
        double y = x;
        for (Biquad b : chain) {
            y = b.process(y);
        }
        return (float) y;
    }

    /** A second-order Butterworth section (Q = 1/√2), transposed direct form II. */
    static final class Biquad {
        private final double b0;
        private final double b1;
        private final double b2;
        private final double a1;
        private final double a2;
        private double z1;
        private double z2;

        private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
            this.b0 = b0 / a0;
            this.b1 = b1 / a0;
            this.b2 = b2 / a0;
            this.a1 = a1 / a0;
            this.a2 = a2 / a0;
        }

        static Biquad lowPass(int sampleRate, double hz) {
            double w = 2 * Math.PI * hz / sampleRate;
            double cos = Math.cos(w);
            double alpha = Math.sin(w) / Math.sqrt(2);
            return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
        }

        static Biquad highPass(int sampleRate, double hz) {
            double w = 2 * Math.PI * hz / sampleRate;
            double cos = Math.cos(w);
            double alpha = Math.sin(w) / Math.sqrt(2);
            return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
        }

        double process(double x) {
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            return y;
        }
    }
}
