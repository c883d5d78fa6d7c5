package org.segue.plugin.server.http.internal.music;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;
import org.segue.support.recommend.ContextWords;

/**
 * Recommendations and feedback for one user at a time, through the installed {@link Recommender}
 * services, known by their short names ({@code segue.recommender.hybrid/1} is {@code hybrid}).
 *
 * <p>The HTTP component binds the recommender services and hands them to {@link #add} and
 * {@link #remove}. Answers are filtered against the caller's library, whatever a recommender
 * returns, so a user never sees a track of someone else's library.
 */
public final class Recommendations {

    /** The strategy used when a request names none. */
    public static final String DEFAULT_STRATEGY = "hybrid";

    private final Map<String, Recommender> byName = new ConcurrentSkipListMap<>();

    /** {@code GET /api/recommenders} entries. */
    public record RecommenderDto(String id, String name) {
    }

    /** One entry of {@code GET /api/recommendations}. */
    public record RecommendationDto(TrackDto track, double score, String strategy, String why) {
    }

    /** Binds a recommender service with its properties ({@link Recommender#ID} names it). */
    public void add(Recommender recommender, Map<String, Object> properties) {
        Object id = properties.get(Recommender.ID);
        if (id != null) {
            byName.put(shortName(id.toString()), recommender);
        }
    }

    public void remove(Recommender recommender, Map<String, Object> properties) {
        Object id = properties.get(Recommender.ID);
        if (id != null) {
            byName.remove(shortName(id.toString()), recommender);
        }
    }

    /** The installed recommenders, by short name. */
    public List<RecommenderDto> recommenders() {
        return byName.keySet().stream().map(n -> new RecommenderDto(n, displayName(n))).toList();
    }

    /**
     * Recommends tracks of the user's library.
     *
     * @param seeds track ids to build on, most important first (may be empty)
     * @param context comma-separated context words ({@code evening,focus}), or {@code null}
     * @param strategy a recommender's short name, or {@code null} for {@value #DEFAULT_STRATEGY}
     * @param limit 1..{@value RecommendationRequest#MAX_LIMIT}, or {@code null} for 10
     * @throws BadInputException naming the field ({@code seed}, {@code context}, {@code strategy}, {@code limit})
     */
    public List<RecommendationDto> recommend(String userId, TrackLibrary library, List<String> seeds, String context,
            String strategy, Integer limit) {
        return recommend(userId, library, seeds, context, strategy, limit,
                t -> TrackDtos.track(t, library.analysis(t.id())));
    }

    /**
     * As {@link #recommend(String, TrackLibrary, List, String, String, Integer)}, with the answer's
     * track bodies made by {@code dtos}: the server passes its cache, since making a body decodes the
     * track's whole stored analysis, and under load that decoding was nine tenths of the bytes a
     * recommendation request allocated.
     */
    public List<RecommendationDto> recommend(String userId, TrackLibrary library, List<String> seeds, String context,
            String strategy, Integer limit, java.util.function.Function<Track, TrackDto> dtos) {
        String name = strategy == null || strategy.isBlank() ? DEFAULT_STRATEGY : strategy;
        Recommender recommender = byName.get(name);
        if (recommender == null) {
            throw new BadInputException("strategy", "no '" + name + "' recommender is installed; installed: "
                    + String.join(", ", byName.keySet()));
        }
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > RecommendationRequest.MAX_LIMIT) {
            throw new BadInputException("limit", "limit must be within 1.." + RecommendationRequest.MAX_LIMIT + ": " + n);
        }
        Set<TrackId> seedIds = new LinkedHashSet<>();
        for (String s : seeds == null ? List.<String>of() : seeds) {
            TrackId id = trackId("seed", s);
            if (library.track(id).isEmpty()) {
                // The same answer whether the id is another user's or nobody's.
                throw new BadInputException("seed", "no track " + s + " in your library");
            }
            seedIds.add(id);
        }
        RecommendationRequest request = new RecommendationRequest(userId, List.copyOf(seedIds), context(context), n, seedIds);
        List<Recommendation> answer;
        try {
            answer = recommender.recommend(request);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the " + name + " recommender failed: " + e.getMessage(), e);
        }
        List<RecommendationDto> out = new ArrayList<>();
        for (Recommendation r : answer) {
            Optional<Track> t = library.track(r.track());
            if (t.isPresent() && !seedIds.contains(r.track()) && out.size() < n) {
                out.add(new RecommendationDto(dtos.apply(t.get()), r.score(), name,
                        r.explanation()));
            }
        }
        return out;
    }

    /**
     * Tells every installed recommender (those that learn keep it).
     *
     * @param kind {@code like}, {@code dislike}, {@code skip}, {@code play}, {@code transition-like} or
     *     {@code transition-dislike}; a transition is rated on the track it leads into
     * @param otherTrackId for transitions, the track it leads from; must then be in the library too
     * @throws NoSuchElementException when a track is not in the user's library
     * @throws BadInputException for an unknown kind ({@code kind}) or a transition without its other track
     */
    public void feedback(String userId, TrackLibrary library, String trackId, String kind, String otherTrackId,
            Instant time) {
        String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        FeedbackKind fk;
        double value;
        switch (k) {
            case "like" -> { fk = FeedbackKind.LIKE; value = 1; }
            case "dislike" -> { fk = FeedbackKind.DISLIKE; value = 1; }
            // From the UI a skip has played nothing and a play everything; finer values need a field in API.md.
            case "skip" -> { fk = FeedbackKind.SKIP; value = 0; }
            case "play" -> { fk = FeedbackKind.PLAY; value = 1; }
            case "transition-like" -> { fk = FeedbackKind.TRANSITION_RATING; value = 1; }
            case "transition-dislike" -> { fk = FeedbackKind.TRANSITION_RATING; value = 0; }
            default -> throw new BadInputException("kind", "kind must be like, dislike, skip, play, transition-like or "
                    + "transition-dislike: " + kind);
        }
        TrackId id = trackId("trackId", trackId);
        if (library.track(id).isEmpty()) {
            throw new NoSuchElementException("no track " + trackId + " in your library");
        }
        if (fk == FeedbackKind.TRANSITION_RATING) {
            if (otherTrackId == null || otherTrackId.isBlank()) {
                throw new BadInputException("otherTrackId", "a transition is rated with the track it comes from");
            }
            if (library.track(trackId("otherTrackId", otherTrackId)).isEmpty()) {
                throw new NoSuchElementException("no track " + otherTrackId + " in your library");
            }
        }
        Feedback feedback = new Feedback(userId, id, fk, value, time);
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, Recommender> r : byName.entrySet()) {
            try {
                r.getValue().learn(feedback);
            } catch (RuntimeException e) {
                // One recommender failing to learn must not lose the feedback for the others.
                failed.add(r.getKey() + ": " + e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("feedback not learnt by " + String.join("; ", failed));
        }
    }

    /** Context words ({@link ContextWords}); a refusal names the {@code context} field. */
    static ListeningContext context(String spec) {
        try {
            return ContextWords.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("context", e.getMessage());
        }
    }

    private static TrackId trackId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(field, field + " is needed");
        }
        return new TrackId(value);
    }

    static String shortName(String id) {
        String s = id.startsWith("segue.recommender.") ? id.substring("segue.recommender.".length()) : id;
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    /** {@code mix-next} → {@code Mix next}. */
    static String displayName(String shortName) {
        String words = shortName.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
