package org.segue.api.play;

/**
 * The {@link UserEvent#type()}s the kernel emits and the attributes they carry. Types and
 * attribute names are stored with the event log; never change them. Plugins may emit their own
 * types, prefixed with their own name.
 */
public interface UserEventTypes {
    /** A mix was saved. Attributes: {@link #MIX}, {@link #TRACK_COUNT}. */
    String MIX_CREATED = "mix.created";
    /** A transition was rated. Attributes: {@link #MIX}, {@link #STYLE}, {@link #RATING}. */
    String TRANSITION_RATED = "transition.rated";
    /** A track was played. Attributes: {@link #TRACK}. */
    String TRACK_PLAYED = "track.played";
    /** A track was liked. Attributes: {@link #TRACK}. */
    String TRACK_LIKED = "track.liked";
    /** A plugin was installed. Attributes: {@link #PLUGIN}. */
    String PLUGIN_INSTALLED = "plugin.installed";
    /** A mix was shared. Attributes: {@link #MIX}. */
    String MIX_SHARED = "mix.shared";

    /** Attribute: a track's {@code TrackId} value. */
    String TRACK = "track";
    /** Attribute: a mix's id. */
    String MIX = "mix";
    /** Attribute: the number of tracks in a mix, decimal. */
    String TRACK_COUNT = "trackCount";
    /** Attribute: a transition style's id with revision, e.g. {@code segue.style.bassswap/1}. */
    String STYLE = "style";
    /** Attribute: a rating scaled to {@code 0..1}, decimal, e.g. {@code 0.8}. */
    String RATING = "rating";
    /** Attribute: a plugin's bundle symbolic name. */
    String PLUGIN = "plugin";
}
