package org.segue.plugin.recommend.core.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.api.recommend.SegueRecommender;

/**
 * Collaborative filtering across users: item-item cosine over implicit feedback
 * ({@link Interactions}). Recommends the tracks that listeners who like what this user likes (and
 * the request's seeds) also like, explained as "liked by 3 listeners who also liked X". Silent
 * until {@code minUsers} users have liked something, and for users nobody shares a track with.
 *
 * <p>Why item-item rather than implicit ALS: every score decomposes into "because you liked X",
 * which is the explanation; one event updates the model at once with no batch training to schedule;
 * it has no rank or regularisation to tune and works with a handful of users, which is what a home
 * server has. ALS would generalise better across sparse data with many users; it can come as
 * another recommender.
 *
 * <p>Score: {@code 1 - exp(-evidence)}, so one liked track with a perfectly similar neighbour gives
 * 0.63, and negative evidence (the track's fans like what this user skips) is left out.
 *
 * <p>Every user's events are kept in {@link InteractionStore} (one append-only file per user) and
 * replayed on first use. Threads: {@code learn} on the runtime's feedback thread, persisted before
 * it is applied; {@code recommend} concurrently.
 */
@Component(configurationPid = CollaborativeRecommender.PID, service = Recommender.class)
@SegueRecommender(id = CollaborativeRecommender.ID)
@Designate(ocd = CollaborativeRecommender.Config.class)
public class CollaborativeRecommender implements Recommender, Reranker {
    static final String PID = "org.segue.plugin.recommend.core.collaborative";
    static final String ID = "segue.recommender.collaborative/1";

    @ObjectClassDefinition(name = "Segue collaborative recommender",
            description = "Tracks liked by listeners who like what you like (item-item, implicit feedback)")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the per-user feedback logs; empty means "
                + "$XDG_DATA_HOME/segue/interactions (or ~/.local/share/segue/interactions)")
        String dataDirectory() default "";

        @AttributeDefinition(description = "Half-life of feedback in days: older feedback counts less")
        double halfLifeDays() default 30;

        @AttributeDefinition(description = "Recommend only once this many users have liked something")
        int minUsers() default 2;

        @AttributeDefinition(description = "How much a request's seed track counts, as a like counts 1")
        double seedWeight() default 1;

        @AttributeDefinition(description = "How many of the user's strongest tracks to build on")
        int profileSize() default 200;
    }

    @Reference
    UserLibraries libraries;

    Clock clock = Clock.systemUTC();
    private volatile Interactions interactions;
    private InteractionStore store;
    private Duration halfLife;
    private int minUsers;
    private double seedWeight;
    private int profileSize;

    @Activate
    void activate(Config c) {
        configure(PreferenceRecommender.dataDirectory(c.dataDirectory(), "interactions"),
                Duration.ofMillis((long) (c.halfLifeDays() * 86_400_000L)), c.minUsers(), c.seedWeight(),
                c.profileSize());
    }

    /** Sets up the component outside DS (tests, the offline evaluation); a null folder keeps nothing on disk. */
    void configure(Path folder, Duration halfLife, int minUsers, double seedWeight, int profileSize) {
        this.store = folder == null ? null : new InteractionStore(folder);
        this.halfLife = halfLife;
        this.minUsers = Math.max(1, minUsers);
        this.seedWeight = seedWeight;
        this.profileSize = Math.max(1, profileSize);
        this.interactions = null;
    }

    /** The matrix, replayed from the store on first use. */
    private Interactions interactions() {
        Interactions i = interactions;
        if (i == null) {
            synchronized (this) {
                i = interactions;
                if (i == null) {
                    i = new Interactions(halfLife);
                    if (store != null) {
                        for (List<Feedback> events : store.loadAll().values()) {
                            events.forEach(i::learn);
                        }
                    }
                    interactions = i;
                }
            }
        }
        return i;
    }

    @Override
    public void learn(Feedback feedback) {
        Interactions i = interactions();
        if (store != null && PreferenceModel.signal(feedback.kind(), feedback.value()) != 0) {
            store.append(feedback);
        }
        i.learn(feedback);
    }

    @Override
    public List<Recommendation> recommend(RecommendationRequest request) {
        Interactions i = interactions();
        if (i.activeUsers() < minUsers) {
            return List.of();
        }
        Instant now = clock.instant();
        TrackLibrary library = libraries.forUser(request.userId());
        Map<String, Double> profile = profile(i, request, now);
        List<Recommendation> out = new ArrayList<>();
        Map<String, Double> norms = new HashMap<>();
        for (String j : i.candidates(request.userId(), profile, now)) {
            TrackId id = new TrackId(j);
            if (request.exclude().contains(id) || library.track(id).isEmpty()) {
                continue;
            }
            Interactions.Evidence e = i.evidence(request.userId(), profile, j, now, norms);
            if (e.value() > 0) {
                out.add(recommendation(id, e, library));
            }
        }
        out.sort(Comparator.comparingDouble(Recommendation::score).reversed().thenComparing(r -> r.track().value()));
        return out.subList(0, Math.min(request.limit(), out.size()));
    }

    @Override
    public Optional<Recommendation> rerank(RecommendationRequest request, TrackId track) {
        Interactions i = interactions();
        if (i.activeUsers() < minUsers) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Interactions.Evidence e = i.evidence(request.userId(), profile(i, request, now), track.value(), now);
        if (e.support() == 0) {
            return Optional.empty();
        }
        return Optional.of(e.value() > 0 ? recommendation(track, e, libraries.forUser(request.userId()))
                : new Recommendation(track, 0, "its listeners like what you skip"));
    }

    /** The user's cells plus the request's seeds. */
    private Map<String, Double> profile(Interactions i, RecommendationRequest request, Instant now) {
        Map<String, Double> profile = new LinkedHashMap<>(i.profile(request.userId(), now, profileSize));
        for (TrackId seed : request.seeds()) {
            profile.merge(seed.value(), seedWeight, Double::sum);
        }
        return profile;
    }

    private static Recommendation recommendation(TrackId track, Interactions.Evidence e, TrackLibrary library) {
        String because = library.track(new TrackId(e.because())).map(TrackFeatures::label).orElse(e.because());
        return new Recommendation(track, 1 - Math.exp(-e.value()), String.format(Locale.ROOT,
                "liked by %d listener%s who also liked %s (%.2f)", e.listeners(), e.listeners() == 1 ? "" : "s",
                because, e.value()));
    }
}
