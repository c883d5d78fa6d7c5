package org.segue.api.recommend;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.segue.api.library.TrackId;

/**
 * A request for tracks.
 *
 * @param userId the user to recommend for, non-blank
 * @param seeds tracks to build on, most important first (the last played, a set so far); may be
 *        empty; copied
 * @param context the listening situation
 * @param limit the most recommendations wanted, {@code 1..}{@value #MAX_LIMIT}
 * @param exclude tracks not to recommend (already played or queued); copied
 */
public record RecommendationRequest(String userId, List<TrackId> seeds, ListeningContext context, int limit,
        Set<TrackId> exclude) {
    /** The largest limit. */
    public static final int MAX_LIMIT = 500;

    /** Validates and copies. */
    public RecommendationRequest {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(context, "context");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        seeds = List.copyOf(seeds);
        exclude = Set.copyOf(exclude);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ": " + limit);
        }
    }
}
