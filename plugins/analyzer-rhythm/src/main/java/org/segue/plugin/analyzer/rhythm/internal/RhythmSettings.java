package org.segue.plugin.analyzer.rhythm.internal;

/**
 * The analyzer's configuration, validated: what {@link RhythmAnalyzer.Config} becomes once read.
 *
 * @param minBpm slowest tempo reported
 * @param maxBpm fastest tempo reported, more than {@code minBpm}
 * @param partialWindowSeconds how much recent audio a partial result re-analyses
 */
record RhythmSettings(double minBpm, double maxBpm, double partialWindowSeconds) {

    static final RhythmSettings DEFAULTS = new RhythmSettings(60, 200, 30);

    RhythmSettings {
        if (!(minBpm >= 20 && maxBpm <= 400 && maxBpm > minBpm * 1.5)) {
            throw new IllegalArgumentException("need 20 <= minBpm, maxBpm <= 400 and maxBpm > 1.5 minBpm: "
                    + minBpm + ".." + maxBpm);
        }
        if (!(partialWindowSeconds >= 8 && partialWindowSeconds <= 600)) {
            throw new IllegalArgumentException("partialWindowSeconds must be in 8..600: " + partialWindowSeconds);
        }
    }
}
