package org.segue.plugin.recommend.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.api.recommend.SegueRecommender;

/**
 * Mix-next: the best track to follow the first seed (the one playing) in a DJ set. Candidates come
 * from a library search for the seed's tempo range (half/double included) and, by default, its
 * compatible keys; each is scored
 * {@code wTempo·tempo + wKey·key + wEnergy·energy} (weights normalised), where tempo is
 * {@code 1 - distance/tolerance}, key is {@link Mixability#keyScore} and energy is
 * {@code 1 - |candidate - (seed + lift)| / 0.5}, so a set keeps or gently raises its energy.
 */
@Component(configurationPid = MixNextRecommender.PID)
@SegueRecommender(id = MixNextRecommender.ID)
@Designate(ocd = MixNextRecommender.Config.class)
public class MixNextRecommender implements Recommender {
    static final String PID = "org.segue.plugin.recommend.core.mixnext";
    static final String ID = "segue.recommender.mix-next/1";

    @ObjectClassDefinition(name = "Segue mix-next recommender",
            description = "The next track of a DJ set by tempo, key and energy compatibility")
    public @interface Config {
        @AttributeDefinition(description = "Largest relative tempo difference, after half/double matching")
        double tempoTolerance() default 0.06;

        @AttributeDefinition(description = "Only search tracks in a compatible key; false scores clashes 0 instead")
        boolean compatibleKeysOnly() default true;

        @AttributeDefinition(description = "Energy change aimed for, on the 0..1 energy scale (+ raises the set)")
        double energyLift() default 0.05;

        @AttributeDefinition(description = "Weight of the tempo fit")
        double tempoWeight() default 0.35;

        @AttributeDefinition(description = "Weight of the key fit")
        double keyWeight() default 0.4;

        @AttributeDefinition(description = "Weight of the energy fit")
        double energyWeight() default 0.25;

        @AttributeDefinition(description = "How many candidates to fetch from the library and score")
        int candidates() default 300;
    }

    @Reference
    UserLibraries libraries;

    private volatile Settings settings = new Settings(0.06, true, 0.05, 0.35, 0.4, 0.25, 300);

    private record Settings(double tolerance, boolean keysOnly, double lift, double wTempo, double wKey,
            double wEnergy, int candidates) {
    }

    @Activate
    @Modified
    void activate(Config c) {
        settings = new Settings(c.tempoTolerance(), c.compatibleKeysOnly(), c.energyLift(), c.tempoWeight(),
                c.keyWeight(), c.energyWeight(), Math.max(1, Math.min(TrackQuery.MAX_LIMIT, c.candidates())));
    }

    @Override
    public List<Recommendation> recommend(RecommendationRequest request) {
        TrackLibrary library = libraries.forUser(request.userId());
        Optional<TrackFeatures> found = request.seeds().stream().findFirst().flatMap(id -> libraries.features(library, id));
        if (found.isEmpty()) {
            return List.of();
        }
        Settings s = settings;
        TrackFeatures seed = found.get();
        boolean tempo = !Double.isNaN(seed.bpm());
        boolean keys = s.keysOnly() && seed.camelot() != null;
        TrackQuery query = new TrackQuery("", tempo ? Mixability.tempoRange(seed.bpm(), s.tolerance()) : null, tempo,
                keys ? Mixability.compatibleKeys(seed.camelot()) : Set.of(), Set.of(), null, 0, s.candidates());
        Set<TrackId> skip = new HashSet<>(request.exclude());
        skip.addAll(request.seeds());
        List<Recommendation> scored = new ArrayList<>();
        for (Track t : library.search(query).tracks()) {
            if (skip.contains(t.id())) {
                continue;
            }
            TrackFeatures c = libraries.features(library, t);
            double d = Mixability.tempoDistance(seed.bpm(), c.bpm());
            if (!Double.isNaN(d) && d > s.tolerance()) {
                continue;
            }
            double tempoFit = Double.isNaN(d) ? 0.5 : 1 - d / s.tolerance();
            double keyFit = Mixability.keyScore(seed.camelot(), c.camelot());
            double energyFit = Double.isNaN(seed.energy()) || Double.isNaN(c.energy()) ? 0.5
                    : Math.max(0, 1 - Math.abs(c.energy() - (seed.energy() + s.lift())) / 0.5);
            double score = (s.wTempo() * tempoFit + s.wKey() * keyFit + s.wEnergy() * energyFit)
                    / (s.wTempo() + s.wKey() + s.wEnergy());
            scored.add(new Recommendation(c.id(), Math.max(0, Math.min(1, score)), Mixability.explain(
                    "mixes after " + seed.label(), Mixability.describeTempo(seed.bpm(), c.bpm()),
                    Mixability.describeKey(seed.camelot(), c.camelot()), describeEnergy(seed.energy(), c.energy()))));
        }
        scored.sort(Comparator.comparingDouble(Recommendation::score).reversed()
                .thenComparing(r -> r.track().value()));
        return scored.subList(0, Math.min(request.limit(), scored.size()));
    }

    private static String describeEnergy(double from, double to) {
        return Double.isNaN(from) || Double.isNaN(to) ? "" : String.format(java.util.Locale.ROOT, "energy %.2f → %.2f", from, to);
    }
}
