package org.segue.plugin.stretch.wsola.internal;

/**
 * The WSOLA geometry in frames for one sample rate, derived from durations so that the sound does
 * not change with the rate.
 *
 * @param hop output frames written per segment (the analysis hop is {@code hop * speed})
 * @param overlap frames of cross-fade at each splice
 * @param seek half-width of the similarity search around the nominal input position
 * @param onsetBlock frames per block of the transient detector
 * @param timingTolerance how far (frames) a segment that plays an onset may sit from its nominal
 *        position, i.e. the largest beat-timing error the splicer may introduce
 * @param lookahead input frames past a segment's nominal start that must be buffered before the
 *        segment can be placed: search range, segment, next overlap and the onset blocks covering them
 */
record StretchParams(int sampleRate, int hop, int overlap, int seek, int onsetBlock, int timingTolerance,
        int lookahead) {

    /** Defaults tuned on dance music: 30 ms segments, 10 ms cross-fades, ±9 ms search. */
    static final double HOP_MS = 30;
    static final double OVERLAP_MS = 10;
    static final double SEEK_MS = 9;

    static StretchParams of(int sampleRate) {
        return of(sampleRate, HOP_MS, OVERLAP_MS, SEEK_MS);
    }

    static StretchParams of(int sampleRate, double hopMs, double overlapMs, double seekMs) {
        if (sampleRate < 8000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
        }
        int hop = frames(sampleRate, hopMs);
        int overlap = Math.min(frames(sampleRate, overlapMs), hop - 8);
        int seek = Math.max(8, frames(sampleRate, seekMs));
        if (overlap < 16) {
            throw new IllegalArgumentException("overlap too short: " + overlapMs + " ms at " + sampleRate + " Hz");
        }
        int block = Math.max(16, frames(sampleRate, 1.5));
        int tolerance = Math.max(4, frames(sampleRate, 1.0));
        int lookahead = seek + hop + overlap + 2 * block + 2;
        return new StretchParams(sampleRate, hop, overlap, seek, block, tolerance, lookahead);
    }

    private static int frames(int sampleRate, double ms) {
        return (int) Math.round(sampleRate * ms / 1000.0);
    }

    /** The onset guard: an onset is treated as occupying its block widened by this much each side. */
    int guard() {
        return onsetBlock;
    }
}
