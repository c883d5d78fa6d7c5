package org.segue.plugin.recommend.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.segue.api.library.TrackLibrary;
import org.segue.api.recommend.Recommender;

/**
 * The recommenders of this bundle wired by hand over a given library, with their default
 * configuration and in-memory preference and collaborative models: for offline tools (the evaluation in
 * {@code cli-recommend}) that must run them over a synthetic catalogue without registering a fake
 * library where real consumers would bind to it. In the framework, DS wires them instead.
 */
public final class Strategies {
    private Strategies() {
    }

    /**
     * The strategies by short name: {@code similar}, {@code mix-next}, {@code context},
     * {@code preference}, {@code collaborative}, {@code hybrid} (blending the five with its default
     * weights). Every strategy learns from the same feedback the caller sends to each.
     */
    public static Map<String, Recommender> over(TrackLibrary library, Clock clock) {
        UserLibraries libraries = UserLibraries.of(library);
        SimilarRecommender similar = new SimilarRecommender();
        similar.libraries = libraries;
        MixNextRecommender mixNext = new MixNextRecommender();
        mixNext.libraries = libraries;
        ContextRecommender context = new ContextRecommender();
        context.libraries = libraries;
        PreferenceRecommender preference = new PreferenceRecommender();
        preference.libraries = libraries;
        preference.clock = clock;
        preference.configure(null, Duration.ofDays(30), 500);
        CollaborativeRecommender collaborative = new CollaborativeRecommender();
        collaborative.libraries = libraries;
        collaborative.clock = clock;
        collaborative.configure(null, Duration.ofDays(30), 2, 1, 200);
        HybridRecommender hybrid = new HybridRecommender();
        hybrid.configure(HybridRecommender.parseWeights(HybridRecommender.DEFAULT_WEIGHTS), 0.1);
        Map<String, Recommender> parts = new LinkedHashMap<>();
        parts.put(SimilarRecommender.ID, similar);
        parts.put(MixNextRecommender.ID, mixNext);
        parts.put(ContextRecommender.ID, context);
        parts.put(PreferenceRecommender.ID, preference);
        parts.put(CollaborativeRecommender.ID, collaborative);
        Map<String, Recommender> byName = new LinkedHashMap<>();
        parts.forEach((id, r) -> {
            hybrid.addPart(r, Map.of(Recommender.ID, id));
            byName.put(HybridRecommender.shortName(id), r);
        });
        byName.put("hybrid", hybrid);
        return byName;
    }
}
