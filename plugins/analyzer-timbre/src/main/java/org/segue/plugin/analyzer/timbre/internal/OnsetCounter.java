package org.segue.plugin.analyzer.timbre.internal;

/**
 * Counts note and drum onsets as peaks of the spectral flux, for the onset density that drives
 * arousal. A peak counts when it stands above 1.5 times the recent average flux (an exponential
 * mean over about 0.75 s) plus a small margin, and at least 2 frames after the previous onset.
 * Causal, decided one frame late; flux is in log units, so the count does not depend on gain.
 */
final class OnsetCounter {

    private static final double SMOOTHING = 1 / 32.0;
    private static final double RATIO = 1.5;
    private static final double MARGIN = 0.05;
    private static final int MIN_GAP_FRAMES = 2;

    private double mean;
    private double previous;
    private double beforePrevious;
    private int sinceOnset = MIN_GAP_FRAMES;
    private long onsets;

    void add(double flux) {
        boolean peak = previous > beforePrevious && previous >= flux && previous > RATIO * mean + MARGIN;
        if (peak && sinceOnset >= MIN_GAP_FRAMES) {
            onsets++;
            sinceOnset = 0;
        } else {
            sinceOnset++;
        }
        mean += SMOOTHING * (flux - mean);
        beforePrevious = previous;
        previous = flux;
    }

    long onsets() {
        return onsets;
    }
}
