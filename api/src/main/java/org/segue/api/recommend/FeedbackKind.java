package org.segue.api.recommend;

/**
 * The kind of a {@link Feedback}, which fixes the meaning of its value. Constant names are stored;
 * never rename.
 */
public enum FeedbackKind {
    /** The track was played; value: the fraction played, {@code 0..1}. */
    PLAY,
    /** The track was skipped; value: the fraction played before the skip, {@code 0..1}. */
    SKIP,
    /** The user liked the track; value {@code 1}. */
    LIKE,
    /** The user disliked the track; value {@code 1}. */
    DISLIKE,
    /** The user rated the track; value: the rating scaled to {@code 0..1} (stars / 5). */
    RATING,
    /**
     * The user rated the transition into the track from the one before it; value: the rating
     * scaled to {@code 0..1}.
     */
    TRANSITION_RATING
}
