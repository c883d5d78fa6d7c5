package org.segue.api.play;

/**
 * The {@link UserEvent#type()}s the kernel emits and the attributes they carry. Types and
 * attribute names are stored with the event log; never change them. Plugins may emit their own
 * types, prefixed with their own name.
 */
public interface UserEventTypes {
    /**
     * A mix was saved. Attributes: {@link #MIX}, {@link #TRACK_COUNT}; since 1.1 optionally
     * {@link #DURATION}, and per track in set order {@link #BPMS}, {@link #KEYS}, {@link #GENRES},
     * {@link #ENERGIES}.
     */
    String MIX_CREATED = "mix.created";
    /** A transition was rated. Attributes: {@link #MIX}, {@link #STYLE}, {@link #RATING}. */
    String TRANSITION_RATED = "transition.rated";
    /** A track was played. Attributes: {@link #TRACK}; since 1.1 optionally {@link #GENRE}, {@link #BPM}, {@link #KEY}. */
    String TRACK_PLAYED = "track.played";
    /** A track was liked. Attributes: {@link #TRACK}. */
    String TRACK_LIKED = "track.liked";
    /** A plugin was installed. Attributes: {@link #PLUGIN}. */
    String PLUGIN_INSTALLED = "plugin.installed";
    /** A mix was shared. Attributes: {@link #MIX}. */
    String MIX_SHARED = "mix.shared";

    /** A plugin was published to the marketplace by its author. Attributes: {@link #PLUGIN}. @since 1.1 */
    String PLUGIN_PUBLISHED = "plugin.published";
    /**
     * A plugin did a piece of work. Attributes: {@link #PLUGIN}, {@link #MILLIS}, {@link #OK}; since
     * 1.2 optionally {@link #COMPONENT}. Recorded by the engines that call plugins (analysis,
     * mixing), one per call, under the user on whose behalf the work ran or {@link #HOST_USER} when
     * none is known, and not rate-limited by the host. @since 1.1
     */
    String PLUGIN_USED = "plugin.used";
    /** The user joined a challenge. Attributes: {@link #CHALLENGE}. @since 1.1 */
    String CHALLENGE_JOINED = "challenge.joined";
    /** The user entered a mix into a challenge. Attributes: {@link #CHALLENGE}, {@link #MIX}. @since 1.1 */
    String CHALLENGE_ENTERED = "challenge.entered";
    /**
     * The user voted for another user's mix in a challenge. Attributes: {@link #CHALLENGE},
     * {@link #MIX}, {@link #AUTHOR}. The host keeps one vote per user and mix and never a vote for
     * one's own mix. @since 1.1
     */
    String VOTE_CAST = "vote.cast";
    /**
     * Derived by the host from a recorded {@link #VOTE_CAST}, as an event of the mix's author, so
     * challenges can count the votes a user received; never recorded by producers. Attributes:
     * {@link #CHALLENGE}, {@link #MIX}, {@link #VOTER}. @since 1.1
     */
    String VOTE_RECEIVED = "vote.received";
    /** The user chose to appear on leaderboards under a pseudonym. Attributes: {@link #PSEUDONYM}. @since 1.1 */
    String LEADERBOARD_JOINED = "leaderboard.joined";
    /** The user chose to leave the leaderboards. @since 1.1 */
    String LEADERBOARD_LEFT = "leaderboard.left";

    /**
     * Attribute of any event: its id, set by a producer that may deliver the same event twice and
     * wants the second delivery recognised (see {@link EventLog}). @since 1.1
     */
    String EVENT_ID = "eventId";
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
    /** Attribute: a mix's length in seconds, decimal. @since 1.1 */
    String DURATION = "duration";
    /** Attribute: tempi in BPM, decimal, comma-separated, one per track in set order. @since 1.1 */
    String BPMS = "bpms";
    /** Attribute: keys in Camelot notation ({@code 8A}), comma-separated, one per track in set order. @since 1.1 */
    String KEYS = "keys";
    /** Attribute: genres, comma-separated, one per track in set order (empty for unknown). @since 1.1 */
    String GENRES = "genres";
    /** Attribute: energies in {@code 0..1}, decimal, comma-separated, one per track in set order. @since 1.1 */
    String ENERGIES = "energies";
    /** Attribute: one track's genre. @since 1.1 */
    String GENRE = "genre";
    /** Attribute: one track's tempo in BPM, decimal. @since 1.1 */
    String BPM = "bpm";
    /** Attribute: one track's key in Camelot notation. @since 1.1 */
    String KEY = "key";
    /** Attribute: a duration in milliseconds, decimal. @since 1.1 */
    String MILLIS = "millis";
    /** Attribute: {@code true} or {@code false}, whether the work succeeded. @since 1.1 */
    String OK = "ok";
    /** Attribute: a challenge's {@link Challenge#ID}. @since 1.1 */
    String CHALLENGE = "challenge";
    /** Attribute: the user whose mix it is. @since 1.1 */
    String AUTHOR = "author";
    /** Attribute: the user who voted. @since 1.1 */
    String VOTER = "voter";
    /** The user id of work done for no particular user, e.g. a plugin's use by the host. @since 1.2 */
    String HOST_USER = "segue.host";
    /** Attribute: the id of the component within a plugin that did the work, e.g. an analyzer's id. @since 1.2 */
    String COMPONENT = "component";
    /** Attribute: the name shown on leaderboards instead of the user id. @since 1.1 */
    String PSEUDONYM = "pseudonym";
}
