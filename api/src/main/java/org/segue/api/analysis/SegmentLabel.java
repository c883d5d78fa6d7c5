package org.segue.api.analysis;

/**
 * The role of a section in a track's structure. Constant names are stored; never rename. Labels
 * describe function in a mix (where to cue, where to blend) more than songwriting form.
 */
public enum SegmentLabel {
    INTRO,
    VERSE,
    BUILD,
    DROP,
    CHORUS,
    BREAKDOWN,
    BRIDGE,
    OUTRO
}
