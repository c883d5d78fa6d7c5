package org.segue.plugin.recommend.core.internal;

import java.util.List;
import java.util.Set;

import org.segue.api.library.TrackId;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;

final class Requests {
    private Requests() {
    }

    static RecommendationRequest seed(TrackId seed, int limit) {
        return new RecommendationRequest("anna", List.of(seed), ListeningContext.any(), limit, Set.of());
    }

    static RecommendationRequest context(ListeningContext context, int limit) {
        return new RecommendationRequest("anna", List.of(), context, limit, Set.of());
    }

    static List<String> ids(List<Recommendation> recs) {
        return recs.stream().map(r -> r.track().value()).toList();
    }
}
