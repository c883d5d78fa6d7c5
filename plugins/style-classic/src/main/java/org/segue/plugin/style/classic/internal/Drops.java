package org.segue.plugin.style.classic.internal;

import java.util.Optional;

import org.segue.api.analysis.SegmentLabel;
import org.segue.api.analysis.StructureSegment;

/**
 * Finds a track's drop: a labelled {@link SegmentLabel#DROP} section when the structure analysis
 * found one, else the downbeat with the biggest rise in energy (the mean over the next few bars
 * minus the mean over the previous few), when that rise is big enough to be a drop.
 */
final class Drops {

    /** The smallest energy rise (on the 0..1 scale) that counts as a drop. */
    static final double MIN_RISE = 0.2;
    /** Bars averaged either side of a candidate downbeat. */
    private static final int WINDOW_BARS = 4;

    /**
     * A drop.
     *
     * @param bar the bar it starts on
     * @param seconds where it is in the track
     * @param labelled true when it came from the structure analysis, false when from the energy curve
     */
    record Drop(int bar, double seconds, boolean labelled) {

        /** How it was found, in words. */
        String source() {
            return labelled ? "its DROP section" : "the biggest energy rise";
        }
    }

    private Drops() {
    }

    /**
     * The first drop (or the last, when {@code last}) of a track with a grid.
     *
     * @return the drop, empty when the track has no grid, or neither a DROP section nor a rise
     */
    static Optional<Drop> find(TrackFacts track, boolean last) {
        if (!track.hasGrid()) {
            return Optional.empty();
        }
        Optional<StructureSegment> labelled = last ? track.last(SegmentLabel.DROP) : track.first(SegmentLabel.DROP);
        if (labelled.isPresent()) {
            int bar = track.barNearest(labelled.get().startSeconds());
            return Optional.of(new Drop(bar, track.downbeat(bar), true));
        }
        return biggestRise(track);
    }

    private static Optional<Drop> biggestRise(TrackFacts track) {
        if (!track.hasEnergy()) {
            return Optional.empty();
        }
        int lastBar = track.lastStartBar(WINDOW_BARS);
        int best = -1;
        double bestRise = MIN_RISE;
        for (int bar = WINDOW_BARS; bar <= lastBar; bar++) {
            double before = track.meanEnergy(track.downbeat(bar - WINDOW_BARS), track.downbeat(bar));
            double after = track.meanEnergy(track.downbeat(bar), track.downbeat(bar + WINDOW_BARS));
            // Strictly greater: the earliest of equal rises wins, so the result is the first drop.
            if (after - before > bestRise) {
                bestRise = after - before;
                best = bar;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Drop(best, track.downbeat(best), false));
    }
}
