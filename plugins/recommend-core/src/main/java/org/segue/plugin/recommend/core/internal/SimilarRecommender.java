package org.segue.plugin.recommend.core.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.api.recommend.SegueRecommender;

/**
 * Content similarity: the tracks whose embeddings are nearest the first seed's (a kNN search in
 * the library's index), kept only when they mix with it: tempo within a tolerance, half and double
 * time included, and a compatible Camelot key. Score: the cosine similarity, clamped to {@code 0..1}.
 *
 * <p>The mixability filter goes into the kNN query itself, so the index returns k mixable
 * neighbours rather than k neighbours of which few survive; the result is checked again here
 * because a library may ignore filters it does not index (tracks with no key, say).
 */
@Component(configurationPid = SimilarRecommender.PID)
@SegueRecommender(id = SimilarRecommender.ID)
@Designate(ocd = SimilarRecommender.Config.class)
public class SimilarRecommender implements Recommender {
    static final String PID = "org.segue.plugin.recommend.core.similar";
    static final String ID = "segue.recommender.similar/1";

    @ObjectClassDefinition(name = "Segue similar-sound recommender",
            description = "kNN on the seed's embedding with mixability filters")
    public @interface Config {
        @AttributeDefinition(description = "Largest relative tempo difference, after half/double matching (0.08 = ±8%)")
        double tempoTolerance() default 0.08;

        @AttributeDefinition(description = "Keep only tracks in a key compatible with the seed's (Camelot ±1, relative)")
        boolean harmonic() default true;
    }

    @Reference
    UserLibraries libraries;

    private volatile double tempoTolerance = 0.08;
    private volatile boolean harmonic = true;

    @Activate
    @Modified
    void activate(Config config) {
        tempoTolerance = config.tempoTolerance();
        harmonic = config.harmonic();
    }

    @Override
    public List<Recommendation> recommend(RecommendationRequest request) {
        TrackLibrary library = libraries.forUser(request.userId());
        Optional<TrackFeatures> found = request.seeds().stream().map(id -> libraries.features(library, id))
                .flatMap(Optional::stream).filter(f -> f.embedding() != null).findFirst();
        if (found.isEmpty()) {
            return List.of();
        }
        TrackFeatures seed = found.get();
        boolean tempo = !Double.isNaN(seed.bpm());
        boolean key = harmonic && seed.camelot() != null;
        TrackQuery filter = new TrackQuery("", tempo ? Mixability.tempoRange(seed.bpm(), tempoTolerance) : null, tempo,
                key ? Mixability.compatibleKeys(seed.camelot()) : Set.of(), Set.of(), null, 0, 0);
        Set<TrackId> skip = new HashSet<>(request.exclude());
        skip.addAll(request.seeds());
        int k = Math.min(TrackQuery.MAX_LIMIT, request.limit() + skip.size());
        List<Recommendation> out = new ArrayList<>();
        for (ScoredTrack hit : library.nearest(seed.embedding(), k, filter)) {
            if (out.size() == request.limit()) {
                break;
            }
            if (skip.contains(hit.track().id())) {
                continue;
            }
            TrackFeatures c = libraries.features(library, hit.track());
            if (!mixes(seed, c, key)) {
                continue;
            }
            out.add(new Recommendation(c.id(), Math.max(0, Math.min(1, hit.similarity())), Mixability.explain(
                    "sounds like " + seed.label() + String.format(java.util.Locale.ROOT, " (%.2f)", hit.similarity()),
                    Mixability.describeTempo(seed.bpm(), c.bpm()), Mixability.describeKey(seed.camelot(), c.camelot()))));
        }
        return out;
    }

    private boolean mixes(TrackFeatures seed, TrackFeatures c, boolean checkKey) {
        double d = Mixability.tempoDistance(seed.bpm(), c.bpm());
        if (!Double.isNaN(d) && d > tempoTolerance) {
            return false;
        }
        return !checkKey || c.camelot() == null || Mixability.keyScore(seed.camelot(), c.camelot()) > 0;
    }
}
