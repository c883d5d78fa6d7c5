package org.segue.api.mix;

import java.nio.file.Path;
import java.util.List;

/**
 * A rendered mix and what was written.
 *
 * @param audio the mix
 * @param cueSheet the {@code .cue} file beside it
 * @param tracklist the tracklist JSON with timestamps
 * @param timeline a picture of the mix timeline (energy curve and transitions)
 * @param durationSeconds the mix's length
 * @param sections where each track plays in the mix
 */
public record MixResult(Path audio, Path cueSheet, Path tracklist, Path timeline, double durationSeconds,
        List<Section> sections) {
    public MixResult {
        sections = List.copyOf(sections);
    }

    /**
     * One track's place in the mix.
     *
     * @param trackId the track
     * @param title its display name
     * @param startSeconds when it starts to be heard
     * @param soloStartSeconds when the previous transition has ended (it plays alone from here)
     * @param soloEndSeconds when the next transition starts
     * @param endSeconds when it stops being heard
     * @param styleId the style of the transition into it, {@code null} for the first track
     * @param gainDb the gain that brought it to the target loudness
     */
    public record Section(String trackId, String title, double startSeconds, double soloStartSeconds,
            double soloEndSeconds, double endSeconds, String styleId, double gainDb) {
    }
}
