package org.segue.plugin.style.classic.internal;

import java.util.Optional;

import org.segue.api.analysis.SegmentLabel;
import org.segue.api.analysis.StructureSegment;

/**
 * Phrase-aligned cue selection for beat-matched styles. A phrase is {@code phraseBars} bars (8 or
 * 16) counted from the first downbeat, so every cue found here sits on a downbeat whose bar number
 * is a multiple of the phrase length.
 */
final class Phrases {

    private Phrases() {
    }

    /** The phrase boundary at or before a bar. */
    static int floor(int bar, int phraseBars) {
        return Math.floorDiv(bar, phraseBars) * phraseBars;
    }

    /** The phrase boundary nearest a bar when it is within {@code tolerance} bars, else the bar. */
    static int snap(int bar, int phraseBars, int tolerance) {
        int below = floor(bar, phraseBars);
        int nearest = bar - below <= phraseBars / 2 ? below : below + phraseBars;
        return Math.abs(nearest - bar) <= tolerance ? nearest : bar;
    }

    /**
     * Where the outgoing track should start a mix of {@code lengthBars}: the phrase boundary at
     * (or just before) its outro, or, without an outro that leaves room, the last phrase boundary
     * from which the mix still ends inside the track.
     *
     * @return the cue, empty when the track is shorter than the mix
     */
    static Optional<Cue> mixOut(TrackFacts out, int lengthBars, int phraseBars) {
        int latest = floor(out.lastStartBar(lengthBars), phraseBars);
        if (latest < 0) {
            return Optional.empty();
        }
        Optional<StructureSegment> outro = out.last(SegmentLabel.OUTRO);
        if (outro.isPresent()) {
            int outroBar = out.barNearest(outro.get().startSeconds());
            int cue = floor(outroBar, phraseBars);
            if (cue >= 0 && cue <= latest) {
                String reason = cue == outroBar ? "where its outro starts"
                        : "the phrase boundary " + Words.bars(outroBar - cue) + " before its outro";
                return Optional.of(new Cue(cue, out.downbeat(cue), reason));
            }
            if (cue > latest) {
                return Optional.of(new Cue(latest, out.downbeat(latest), "the last phrase boundary that leaves room for "
                        + Words.bars(lengthBars) + " (its outro starts too late, at bar " + outroBar + ")"));
            }
        }
        return Optional.of(new Cue(latest, out.downbeat(latest),
                "the last phrase boundary that leaves room for " + Words.bars(lengthBars)));
    }

    /**
     * Where the incoming track should start a mix of {@code lengthBars}: the phrase boundary in
     * its intro from which the intro ends as the mix does, so its main part arrives once the
     * outgoing has gone; its first downbeat when the intro is shorter than the mix or unknown.
     *
     * @return the cue, empty when the track is shorter than the mix
     */
    static Optional<Cue> mixIn(TrackFacts in, int lengthBars, int phraseBars) {
        int latest = in.lastStartBar(lengthBars);
        if (latest < 0) {
            return Optional.empty();
        }
        Optional<StructureSegment> intro = in.first(SegmentLabel.INTRO);
        if (intro.isPresent()) {
            int introEnd = in.barNearest(intro.get().endSeconds());
            int cue = Math.min(floor(introEnd - lengthBars, phraseBars), floor(latest, phraseBars));
            if (cue > 0) {
                return Optional.of(new Cue(cue, in.downbeat(cue), "a phrase boundary in its intro (" + Words.bars(introEnd)
                        + "), so the intro ends as the mix does"));
            }
            return Optional.of(new Cue(0, in.downbeat(0), "the top of its intro (" + Words.bars(introEnd) + ")"));
        }
        return Optional.of(new Cue(0, in.downbeat(0), "its first downbeat"));
    }

    /** The length of the outgoing's last outro in bars, or {@code Integer.MAX_VALUE} when unknown. */
    static int outroBars(TrackFacts out) {
        return out.last(SegmentLabel.OUTRO)
                .map(s -> out.barsBetween(s.startSeconds(), Math.min(s.endSeconds(), out.duration())))
                .orElse(Integer.MAX_VALUE);
    }

    /** The length of the incoming's first intro in bars, or {@code Integer.MAX_VALUE} when unknown. */
    static int introBars(TrackFacts in) {
        return in.first(SegmentLabel.INTRO)
                .map(s -> Math.max(0, in.barNearest(s.endSeconds())))
                .orElse(Integer.MAX_VALUE);
    }
}
