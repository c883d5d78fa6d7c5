package org.segue.plugin.recommend.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.segue.api.library.TrackLibrary;
import org.segue.api.recommend.Recommender;

/**
 * The recommenders of this bundle wired by hand over a given library, with their default
 * configuration and an in-memory preference model: for offline tools (the evaluation in
 * {@code cli-recommend}) that must run them over a synthetic catalogue without registering a fake
 * library where real consumers would bind to it. In the framework, DS wires them instead.
 */
public final class Strategies {
    private Strategies() {
    }

    /**
     * The strategies by short name: {@code similar}, {@code mix-next}, {@code context},
     * {@code preference}, {@code hybrid} (blending the four with its default weights).
     */
    public static Map<String, Recommender> over(TrackLibrary library, Clock clock) {
        SimilarRecommender similar = new SimilarRecommender();
        similar.library = library;
        MixNextRecommender mixNext = new MixNextRecommender();
        mixNext.library = library;
        ContextRecommender context = new ContextRecommender();
        context.library = library;
        PreferenceRecommender preference = new PreferenceRecommender();
        preference.library = library;
        preference.clock = clock;
        preference.configure(null, Duration.ofDays(30), 500);
        HybridRecommender hybrid = new HybridRecommender();
        hybrid.configure(HybridRecommender.parseWeights(
                new String[] {"similar=0.3", "mix-next=0.3", "context=0.15", "preference=0.25"}), 0.1);
        Map<String, Recommender> parts = new LinkedHashMap<>();
        parts.put(SimilarRecommender.ID, similar);
        parts.put(MixNextRecommender.ID, mixNext);
        parts.put(ContextRecommender.ID, context);
        parts.put(PreferenceRecommender.ID, preference);
        Map<String, Recommender> byName = new LinkedHashMap<>();
        parts.forEach((id, r) -> {
            hybrid.addPart(r, Map.of(Recommender.ID, id));
            byName.put(HybridRecommender.shortName(id), r);
        });
        byName.put("hybrid", hybrid);
        return byName;
    }
}
