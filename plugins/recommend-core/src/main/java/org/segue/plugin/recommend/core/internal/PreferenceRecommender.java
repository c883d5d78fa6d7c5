package org.segue.plugin.recommend.core.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.api.recommend.SegueRecommender;

/**
 * A per-user preference model ({@link PreferenceModel}) learnt online from feedback and persisted
 * per user ({@link PreferenceStore}). Recommends the candidates (the seeds' embedding neighbours
 * and a library page) the user's weights score highest; tracks the model knows nothing about are
 * left out. As a {@link Reranker} it scores the hybrid's candidates.
 *
 * <p>Threads: {@code learn} runs on the runtime's single feedback thread; it replaces the user's
 * immutable model in a concurrent map, so concurrent {@code recommend} calls see the old or the new.
 */
@Component(configurationPid = PreferenceRecommender.PID, service = Recommender.class)
@SegueRecommender(id = PreferenceRecommender.ID)
@Designate(ocd = PreferenceRecommender.Config.class)
public class PreferenceRecommender implements Recommender, Reranker {
    static final String PID = "org.segue.plugin.recommend.core.preference";
    static final String ID = "segue.recommender.preference/1";

    @ObjectClassDefinition(name = "Segue preference recommender",
            description = "Per-user taste learnt from plays, skips, likes and ratings")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the per-user JSON models; empty means "
                + "$XDG_DATA_HOME/segue/preferences (or ~/.local/share/segue/preferences)")
        String dataDirectory() default "";

        @AttributeDefinition(description = "Half-life of feedback in days: older feedback counts less")
        double halfLifeDays() default 30;

        @AttributeDefinition(description = "How many candidates to score per request")
        int candidates() default 500;
    }

    @Reference
    UserLibraries libraries;

    Clock clock = Clock.systemUTC();
    private final Map<String, PreferenceModel> models = new ConcurrentHashMap<>();
    private PreferenceStore store;
    private Duration halfLife;
    private int candidates;

    @Activate
    void activate(Config config) {
        configure(dataDirectory(config.dataDirectory()), Duration.ofMillis((long) (config.halfLifeDays() * 86_400_000L)),
                config.candidates());
    }

    /** Sets up the component outside DS (tests, the offline evaluation). */
    void configure(Path folder, Duration halfLife, int candidates) {
        this.store = folder == null ? null : new PreferenceStore(folder);
        this.halfLife = halfLife;
        this.candidates = Math.max(1, Math.min(TrackQuery.MAX_LIMIT, candidates));
        models.clear();
    }

    static Path dataDirectory(String configured) {
        return dataDirectory(configured, "preferences");
    }

    /** The configured folder, else {@code $XDG_DATA_HOME/segue/<name>} (or {@code ~/.local/share/segue/<name>}). */
    static Path dataDirectory(String configured, String name) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("segue").resolve(name);
    }

    /** The user's model, loaded on first use; empty for a new user. */
    PreferenceModel model(String userId) {
        return models.computeIfAbsent(userId, u -> (store == null ? Optional.<PreferenceModel>empty()
                : store.load(u, halfLife)).orElseGet(() -> PreferenceModel.empty(halfLife)));
    }

    @Override
    public void learn(Feedback feedback) {
        Optional<TrackFeatures> track = libraries.features(libraries.forUser(feedback.userId()), feedback.track());
        if (track.isEmpty()) {
            return;
        }
        PreferenceModel before = model(feedback.userId());
        PreferenceModel after = before.learn(feedback, PreferenceModel.features(track.get()));
        if (after != before) {
            if (store != null) {
                store.save(feedback.userId(), after);
            }
            models.put(feedback.userId(), after);
        }
    }

    @Override
    public List<Recommendation> recommend(RecommendationRequest request) {
        TrackLibrary library = libraries.forUser(request.userId());
        PreferenceModel model = model(request.userId());
        if (model.weights().isEmpty()) {
            return List.of();
        }
        Map<TrackId, Track> pool = new LinkedHashMap<>();
        for (TrackId seed : request.seeds()) {
            library.analysis(seed).flatMap(a -> a.get(org.segue.api.analysis.StandardResults.EMBEDDING))
                    .ifPresent(e -> library.nearest(e.vector(), candidates, TrackQuery.text("")).stream()
                            .map(ScoredTrack::track).forEach(t -> pool.putIfAbsent(t.id(), t)));
        }
        library.search(new TrackQuery("", null, false, null, null, null, 0, candidates)).tracks()
                .forEach(t -> pool.putIfAbsent(t.id(), t));
        Instant now = clock.instant();
        List<Recommendation> out = new ArrayList<>();
        for (Track t : pool.values()) {
            if (request.exclude().contains(t.id()) || request.seeds().contains(t.id())) {
                continue;
            }
            PreferenceModel.Scored s = model.score(libraries.features(library, t), now);
            if (!s.unknown()) {
                out.add(new Recommendation(t.id(), s.score(), s.why()));
            }
        }
        out.sort(Comparator.comparingDouble(Recommendation::score).reversed().thenComparing(r -> r.track().value()));
        return out.subList(0, Math.min(request.limit(), out.size()));
    }

    @Override
    public Optional<Recommendation> rerank(RecommendationRequest request, TrackId track) {
        String userId = request.userId();
        PreferenceModel model = model(userId);
        if (model.weights().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return libraries.features(libraries.forUser(userId), track).map(t -> model.score(t, now)).filter(s -> !s.unknown())
                .map(s -> new Recommendation(track, s.score(), s.why()));
    }
}
