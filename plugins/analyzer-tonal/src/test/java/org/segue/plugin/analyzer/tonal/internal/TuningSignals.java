package org.segue.plugin.analyzer.tonal.internal;

import org.segue.api.testkit.Signal;

/** Chords like {@code Signals.chords}, but with every note detuned from A440 by a number of cents. */
final class TuningSignals {

    private TuningSignals() {
    }

    static Signal chords(int sampleRate, double secondsEach, double cents, int[]... chords) {
        int each = (int) Math.round(secondsEach * sampleRate);
        float[] x = new float[each * chords.length];
        double[] levels = {1.0, 0.5, 0.33, 0.25, 0.2};
        for (int c = 0; c < chords.length; c++) {
            for (int note : chords[c]) {
                double f0 = 440 * Math.pow(2, (note - 69 + cents / 100) / 12);
                for (int h = 0; h < levels.length && f0 * (h + 1) < sampleRate / 2.0; h++) {
                    double w = 2 * Math.PI * f0 * (h + 1) / sampleRate;
                    for (int i = 0; i < each; i++) {
                        double fade = Math.min(1, Math.min(i, each - 1 - i) / (0.01 * sampleRate));
                        x[c * each + i] += (float) (0.05 * levels[h] * fade * Math.sin(w * i));
                    }
                }
            }
        }
        return new Signal(new float[][] {x}, sampleRate, new double[0], new double[0]);
    }
}
