package org.segue.plugin.analyzer.timbre.internal;

/** The modified Bessel function I0, for Kaiser windows. */
final class Bessel {

    private Bessel() {
    }

    /** I0(x) by its power series, which converges fast for the window parameters used here. */
    static double i0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 60 && term > 1e-12 * sum; k++) {
            double f = x / (2 * k);
            term *= f * f;
            sum += term;
        }
        return sum;
    }
}
