package org.segue.plugin.recommend.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.library.Range;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.api.recommend.SegueRecommender;

/**
 * Context-aware: tracks that fit the listening situation ({@link ContextTargets}: activity, time of
 * day, mood). Each known feature scores 1 at the centre of its target range, 0.8 at its edges
 * (so of two tracks that both fit, the more typical ranks first) and falls linearly to 0 at a
 * margin outside it (energy 0.3, tempo 20 bpm, valence and arousal 0.5); the score is their
 * weighted mean over the features the track has (energy 0.4, tempo 0.3, valence 0.15, arousal 0.15).
 * Candidates: a library search for the energy range widened by the margin; all tracks when the
 * context sets nothing, in which case nothing is recommended.
 */
@Component(configurationPid = ContextRecommender.PID)
@SegueRecommender(id = ContextRecommender.ID)
@Designate(ocd = ContextRecommender.Config.class)
public class ContextRecommender implements Recommender {
    static final String PID = "org.segue.plugin.recommend.core.context";
    static final String ID = "segue.recommender.context/1";

    @ObjectClassDefinition(name = "Segue context recommender",
            description = "Tracks fitting the activity, time of day and mood")
    public @interface Config {
        @AttributeDefinition(description = "How many candidates to fetch from the library and score")
        int candidates() default 1000;
    }

    private static final double ENERGY_MARGIN = 0.3;
    private static final double BPM_MARGIN = 20;
    private static final double MOOD_MARGIN = 0.5;

    @Reference
    UserLibraries libraries;

    private volatile int candidates = 1000;

    @Activate
    @Modified
    void activate(Config config) {
        candidates = Math.max(1, Math.min(TrackQuery.MAX_LIMIT, config.candidates()));
    }

    @Override
    public List<Recommendation> recommend(RecommendationRequest request) {
        TrackLibrary library = libraries.forUser(request.userId());
        ContextTargets t = ContextTargets.of(request.context());
        if (t.energy() == null && t.bpm() == null && t.valence() == null) {
            return List.of();
        }
        Range energy = t.energy() == null ? null
                : new Range(t.energy().min() - ENERGY_MARGIN, t.energy().max() + ENERGY_MARGIN);
        TrackQuery query = new TrackQuery("", null, false, Set.of(), Set.of(), energy, 0, candidates);
        Set<TrackId> skip = new HashSet<>(request.exclude());
        skip.addAll(request.seeds());
        List<Recommendation> out = new ArrayList<>();
        for (Track track : library.search(query).tracks()) {
            if (!skip.contains(track.id())) {
                score(t, libraries.features(library, track), out);
            }
        }
        out.sort(Comparator.comparingDouble(Recommendation::score).reversed().thenComparing(r -> r.track().value()));
        return out.subList(0, Math.min(request.limit(), out.size()));
    }

    /** Scores one track against the targets; adds it unless it has none of the features. */
    static void score(ContextTargets t, TrackFeatures c, List<Recommendation> out) {
        double sum = 0;
        double weights = 0;
        List<String> why = new ArrayList<>();
        if (t.energy() != null && !Double.isNaN(c.energy())) {
            sum += 0.4 * fit(t.energy(), c.energy(), ENERGY_MARGIN);
            weights += 0.4;
            why.add(String.format(Locale.ROOT, "energy %.2f (%.2f-%.2f)", c.energy(), t.energy().min(), t.energy().max()));
        }
        if (t.bpm() != null && !Double.isNaN(c.bpm())) {
            double mid = (t.bpm().min() + t.bpm().max()) / 2;
            sum += 0.3 * fit(t.bpm(), Mixability.matchedBpm(mid, c.bpm()), BPM_MARGIN);
            weights += 0.3;
            why.add(String.format(Locale.ROOT, "%.0f bpm (%.0f-%.0f)", c.bpm(), t.bpm().min(), t.bpm().max()));
        }
        if (t.valence() != null && !Double.isNaN(c.valence())) {
            sum += 0.15 * fit(t.valence(), c.valence(), MOOD_MARGIN) + 0.15 * fit(t.arousal(), c.arousal(), MOOD_MARGIN);
            weights += 0.3;
            why.add(String.format(Locale.ROOT, "mood %+.1f/%+.1f", c.valence(), c.arousal()));
        }
        if (weights > 0) {
            out.add(new Recommendation(c.id(), sum / weights, "fits " + t.name() + ": " + String.join(", ", why)));
        }
    }

    /** 1 at the range's centre, 0.8 at its edges, falling linearly to 0 at {@code margin} outside it. */
    static double fit(Range range, double value, double margin) {
        double half = (range.max() - range.min()) / 2;
        double fromCentre = Math.abs(value - (range.min() + half));
        if (fromCentre <= half) {
            return half == 0 ? 1 : 1 - 0.2 * fromCentre / half;
        }
        return Math.max(0, 0.8 * (1 - (fromCentre - half) / margin));
    }
}
