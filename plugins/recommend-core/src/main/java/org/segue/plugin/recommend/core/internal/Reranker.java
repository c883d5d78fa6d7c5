package org.segue.plugin.recommend.core.internal;

import java.util.Optional;

import org.segue.api.library.TrackId;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;

/**
 * A recommender that can also score any given track (not only the ones it found), which the
 * {@link HybridRecommender} uses to rerank the union of all parts' candidates. Internal: other
 * bundles' recommenders take part in the hybrid through {@code recommend} only.
 */
interface Reranker {
    /** This recommender's score and reason for a track for this request, or empty when it has no opinion. */
    Optional<Recommendation> rerank(RecommendationRequest request, TrackId track);
}
