package org.segue.plugin.recommend.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.library.TrackId;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.api.recommend.SegueRecommender;

/**
 * The hybrid: asks every other installed recommender (the whiteboard, so other bundles' take part
 * too) for three times the wanted tracks, lets each {@link Reranker} part score the candidates the
 * others found, and blends: {@code score = Σ w_part · score_part / Σ w_part} over the parts that
 * answered, a part silent on a track counting 0 for it. The explanation names every contributing
 * part with its score, then the reasons of the two strongest.
 *
 * <p>A failing part is left out of that answer, as the runtime does with failing recommenders.
 */
@Component(configurationPid = HybridRecommender.PID)
@SegueRecommender(id = HybridRecommender.ID)
@Designate(ocd = HybridRecommender.Config.class)
public class HybridRecommender implements Recommender {
    static final String PID = "org.segue.plugin.recommend.core.hybrid";
    static final String ID = "segue.recommender.hybrid/1";

    @ObjectClassDefinition(name = "Segue hybrid recommender", description = "Blends the other recommenders")
    public @interface Config {
        @AttributeDefinition(description = "Weight per part as name=weight; the name is the recommender id "
                + "without 'segue.recommender.' and revision, e.g. mix-next")
        String[] weights() default {"similar=0.3", "mix-next=0.3", "context=0.15", "preference=0.25",
            "collaborative=0.25"};

        @AttributeDefinition(description = "Weight of recommenders not listed above (0 leaves them out)")
        double otherWeight() default 0.1;
    }

    /**
     * The default weights, as in {@link Config#weights}. Collaborative weighs as much as preference:
     * both stand for the listener's taste, one from their own history, one from others'. It only
     * takes part once it answers, i.e. once two users have feedback.
     */
    static final String[] DEFAULT_WEIGHTS = {"similar=0.3", "mix-next=0.3", "context=0.15", "preference=0.25",
        "collaborative=0.25"};

    /** Parts by short name, sorted so answers do not depend on binding order. */
    private final Map<String, Recommender> parts = new ConcurrentSkipListMap<>();
    private volatile Map<String, Double> weights = Map.of();
    private volatile double otherWeight = 0.1;

    @Activate
    @Modified
    void activate(Config config) {
        configure(parseWeights(config.weights()), config.otherWeight());
    }

    void configure(Map<String, Double> weights, double otherWeight) {
        this.weights = Map.copyOf(weights);
        this.otherWeight = otherWeight;
    }

    static Map<String, Double> parseWeights(String[] entries) {
        Map<String, Double> w = new HashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("weight must be name=number: " + e);
            }
            w.put(e.substring(0, eq).strip(), Double.parseDouble(e.substring(eq + 1).strip()));
        }
        return w;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(!(" + Recommender.ID + "=" + ID + "))")
    void addPart(Recommender part, Map<String, Object> properties) {
        Object id = properties.get(Recommender.ID);
        if (id != null) {
            parts.put(shortName(id.toString()), part);
        }
    }

    void removePart(Recommender part, Map<String, Object> properties) {
        Object id = properties.get(Recommender.ID);
        if (id != null) {
            parts.remove(shortName(id.toString()), part);
        }
    }

    /** {@code segue.recommender.mix-next/1} → {@code mix-next}. */
    static String shortName(String id) {
        String s = id.startsWith("segue.recommender.") ? id.substring("segue.recommender.".length()) : id;
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    private double weight(String part) {
        return weights.getOrDefault(part, otherWeight);
    }

    @Override
    public List<Recommendation> recommend(RecommendationRequest request) {
        RecommendationRequest wide = new RecommendationRequest(request.userId(), request.seeds(), request.context(),
                Math.min(RecommendationRequest.MAX_LIMIT, request.limit() * 3), request.exclude());
        Map<TrackId, Map<String, Recommendation>> byTrack = new LinkedHashMap<>();
        Map<String, Double> answered = new LinkedHashMap<>();
        for (Map.Entry<String, Recommender> part : parts.entrySet()) {
            double w = weight(part.getKey());
            if (w <= 0) {
                continue;
            }
            List<Recommendation> got;
            try {
                got = part.getValue().recommend(wide);
            } catch (RuntimeException e) {
                continue;
            }
            if (!got.isEmpty()) {
                answered.put(part.getKey(), w);
            }
            for (Recommendation r : got) {
                if (!request.exclude().contains(r.track()) && !request.seeds().contains(r.track())) {
                    byTrack.computeIfAbsent(r.track(), t -> new LinkedHashMap<>()).put(part.getKey(), r);
                }
            }
        }
        rerank(request, byTrack, answered);
        double total = answered.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Recommendation> out = new ArrayList<>();
        byTrack.forEach((track, votes) -> out.add(blend(track, votes, total)));
        out.sort(Comparator.comparingDouble(Recommendation::score).reversed().thenComparing(r -> r.track().value()));
        return out.subList(0, Math.min(request.limit(), out.size()));
    }

    /** Lets rerankers score the candidates they did not find themselves. */
    private void rerank(RecommendationRequest request, Map<TrackId, Map<String, Recommendation>> byTrack,
            Map<String, Double> answered) {
        for (Map.Entry<String, Recommender> part : parts.entrySet()) {
            if (!(part.getValue() instanceof Reranker reranker) || weight(part.getKey()) <= 0) {
                continue;
            }
            byTrack.forEach((track, votes) -> {
                if (!votes.containsKey(part.getKey())) {
                    Optional<Recommendation> r;
                    try {
                        r = reranker.rerank(request, track);
                    } catch (RuntimeException e) {
                        r = Optional.empty();
                    }
                    r.ifPresent(rec -> {
                        votes.put(part.getKey(), rec);
                        answered.put(part.getKey(), weight(part.getKey()));
                    });
                }
            });
        }
    }

    private Recommendation blend(TrackId track, Map<String, Recommendation> votes, double total) {
        double sum = 0;
        List<Map.Entry<String, Recommendation>> ranked = new ArrayList<>(votes.entrySet());
        ranked.sort(Comparator.comparingDouble(
                (Map.Entry<String, Recommendation> e) -> -weight(e.getKey()) * e.getValue().score()));
        StringBuilder parts = new StringBuilder();
        for (Map.Entry<String, Recommendation> e : ranked) {
            sum += weight(e.getKey()) * e.getValue().score();
            parts.append(parts.length() == 0 ? "" : " + ").append(e.getKey())
                    .append(String.format(Locale.ROOT, " %.2f", e.getValue().score()));
        }
        StringBuilder why = new StringBuilder("[").append(parts).append("] ");
        for (int i = 0; i < Math.min(2, ranked.size()); i++) {
            why.append(i == 0 ? "" : "; ").append(ranked.get(i).getValue().explanation());
        }
        return new Recommendation(track, Math.max(0, Math.min(1, total == 0 ? 0 : sum / total)), why.toString());
    }
}
