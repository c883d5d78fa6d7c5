package org.segue.plugin.server.http.internal.play;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.MixDtos.TransitionDto;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;

/**
 * The {@link UserEvent}s of what users do through the server, with the attributes badges,
 * challenges and analytics read: a rendered mix ({@code mix.created}) and a mix entered into a
 * challenge carry the set's tempi, keys, genres and energies in set order as {@code segue mix}
 * records them; plays and likes the track's genre, tempo and key; transition ratings 1 or 0.
 */
public final class PlayEvents {

    private PlayEvents() {
    }

    /** {@code mix.created} of a mix rendered from {@code plan}. */
    public static UserEvent mixCreated(String user, PlanDto plan, MixDto mix, Instant now) {
        return new UserEvent(user, UserEventTypes.MIX_CREATED, now, mixNumbers(plan, mix));
    }

    /** {@code challenge.entered}: the challenge and the mix's numbers, so a challenge can judge the set. */
    static UserEvent challengeEntered(String user, String challengeId, PlanDto plan, MixDto mix, Instant now) {
        Map<String, String> a = mixNumbers(plan, mix);
        a.put(UserEventTypes.CHALLENGE, challengeId);
        return new UserEvent(user, UserEventTypes.CHALLENGE_ENTERED, now, a);
    }

    /**
     * The event of a feedback of {@code POST /api/feedback}, or {@code null} for kinds that feed
     * only the recommenders (dislike, skip).
     *
     * @param track the track rated; for transitions the one the transition leads into
     */
    public static UserEvent feedback(String user, TrackDto track, String kind, Instant now) {
        Map<String, String> a = new HashMap<>();
        a.put(UserEventTypes.TRACK, track.id());
        String type;
        switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
            case "play" -> {
                type = UserEventTypes.TRACK_PLAYED;
                if (track.genre() != null && !track.genre().isBlank()) {
                    a.put(UserEventTypes.GENRE, track.genre());
                }
                if (track.bpm() != null) {
                    a.put(UserEventTypes.BPM, String.format(Locale.ROOT, "%.2f", track.bpm()));
                }
                if (track.key() != null && !track.key().isBlank()) {
                    a.put(UserEventTypes.KEY, track.key());
                }
            }
            case "like" -> type = UserEventTypes.TRACK_LIKED;
            case "transition-like", "transition-dislike" -> {
                type = UserEventTypes.TRANSITION_RATED;
                a.put(UserEventTypes.RATING, kind.equalsIgnoreCase("transition-like") ? "1" : "0");
            }
            default -> {
                return null;
            }
        }
        return new UserEvent(user, type, now, a);
    }

    /** What {@code segue mix} records of a set, from the server's plan and rendered mix. */
    static Map<String, String> mixNumbers(PlanDto plan, MixDto mix) {
        List<TrackDto> tracks = plan.tracks();
        Map<String, String> a = new HashMap<>();
        a.put(UserEventTypes.MIX, mix.id());
        a.put(UserEventTypes.TRACK_COUNT, Integer.toString(tracks.size()));
        a.put(UserEventTypes.DURATION, String.format(Locale.ROOT, "%.1f", mix.durationSeconds()));
        a.put(UserEventTypes.BPMS, join(tracks, t -> t.bpm() == null ? "" : String.format(Locale.ROOT, "%.2f", t.bpm())));
        a.put(UserEventTypes.KEYS, join(tracks, t -> t.key() == null ? "" : t.key()));
        // Lists are comma-separated, so a genre's own commas would shift every later track.
        a.put(UserEventTypes.GENRES, join(tracks, t -> t.genre() == null ? "" : t.genre().replace(',', ' ').trim()));
        a.put(UserEventTypes.ENERGIES, join(tracks, t -> t.energy() == null ? ""
                : String.format(Locale.ROOT, "%.3f", Math.max(0, Math.min(1, t.energy())))));
        a.put(UserEventTypes.STYLE, plan.transitions().stream().map(TransitionDto::style).distinct()
                .collect(Collectors.joining(" ")));
        return a;
    }

    private static String join(List<TrackDto> tracks, Function<TrackDto, String> value) {
        return tracks.stream().map(value).collect(Collectors.joining(","));
    }
}
