package org.segue.plugin.analyzer.tonal.internal;

/**
 * The configuration one analysis runs with, copied from the component's configuration when it is
 * activated so a reconfiguration never changes a task half-way through a track.
 *
 * @param keyProfile the key profiles correlated with the chroma
 * @param minKeySegmentSeconds how long a new key must hold to be reported as a key change
 * @param extendedChords whether sevenths, diminished, augmented and suspended chords are
 *        recognised, or only major and minor triads
 * @param chordSwitchSeconds how strongly chord changes are smoothed, see {@link ChordRecognizer}
 */
record TonalSettings(KeyProfiles.Kind keyProfile, double minKeySegmentSeconds, boolean extendedChords,
        double chordSwitchSeconds) {

    /** The defaults, as in {@link TonalAnalyzer.Config}. */
    static final TonalSettings DEFAULTS = new TonalSettings(KeyProfiles.Kind.KRUMHANSL, 8, true, 0.1);

    TonalSettings {
        if (keyProfile == null) {
            throw new IllegalArgumentException("keyProfile is required");
        }
        if (!(minKeySegmentSeconds >= 1 && minKeySegmentSeconds <= 600)) {
            throw new IllegalArgumentException("minKeySegmentSeconds must be in 1..600: " + minKeySegmentSeconds);
        }
        if (!(chordSwitchSeconds >= 0 && chordSwitchSeconds <= 2)) {
            throw new IllegalArgumentException("chordSwitchSeconds must be in 0..2: " + chordSwitchSeconds);
        }
    }
}
