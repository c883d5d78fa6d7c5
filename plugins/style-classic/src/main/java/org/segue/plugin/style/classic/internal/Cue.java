package org.segue.plugin.style.classic.internal;

/**
 * A chosen position in one track.
 *
 * @param bar the bar from the track's first downbeat (negative for a lead-in before it), or
 *        {@link #NO_BAR} for a track without a beat grid
 * @param seconds where that is in the track
 * @param reason why it was chosen, in words that complete "cued at bar N (m:ss.s), …"
 */
record Cue(int bar, double seconds, String reason) {

    /** The bar of a cue in a track without a grid. */
    static final int NO_BAR = Integer.MIN_VALUE;

    /** A cue at a time in a track without a grid. */
    static Cue atTime(double seconds, String reason) {
        return new Cue(NO_BAR, seconds, reason);
    }

    /** The cue in words: {@code bar 96 (3:06.4), where its outro starts}, or {@code 3:06.4, …} off the grid. */
    String words() {
        String where = bar == NO_BAR ? Words.time(seconds) : Words.cue(bar, seconds);
        return where + (reason.isEmpty() ? "" : ", " + reason);
    }
}
