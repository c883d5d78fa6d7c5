package org.segue.plugin.cli.recommend.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.recommend.Activity;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.plugin.recommend.core.internal.Strategies;
import org.segue.plugin.recommend.core.internal.InMemoryLibrary;

/**
 * A simulated offline evaluation, no real listening data. A synthetic catalogue (features only, no
 * audio) and simulated listeners in hidden taste groups. Every listener belongs to one of
 * {@value #GROUPS} groups (listener u to group u mod {@value #GROUPS}); a group shares a genre taste
 * (favourite 1.0, second 0.6, disliked -1.0, others 0), 3 favourite artists (2 of the favourite
 * genre, 1 of the second) and a "scene": {@value #SCENE_PERCENT} % of the catalogue drawn at random,
 * independent of every feature, that the group loves (what friends, a club or a radio show share;
 * only co-listening reveals it, which is what collaborative filtering is for and what content
 * features cannot see). A listener's hidden utility of a track is
 * {@code genre weight + 0.5 · favourite artist + 1.0 · in the group's scene
 * - 2 · |energy - E(activity)| + 0.3 · own taste}, with the listener's habitual activity's energy E
 * (workout 0.85, party 0.80, commute 0.55, focus 0.35, wind-down 0.15) and "own taste" a standard
 * normal draw per listener and track. A track is relevant to a listener when its utility is in the
 * listener's top 5 %.
 *
 * <p>Per listener: 40 history events over the last 60 days, tracks drawn with probability
 * ∝ exp(2 · utility), as like (top 10 %), play (above the median, 90 % played) or skip (10 % played).
 * Every listener's history is fed to every strategy's {@code learn} first, in time order, as a
 * service running for a while would have it; then each listener has 3 sessions, each seeded by a
 * relevant track not in their history, in their activity, asking for 10 tracks with the history
 * excluded.
 */
final class Simulation {
    static final int K = 10;
    static final int GROUPS = 5;
    static final int SCENE_PERCENT = 3;
    static final List<String> GENRES = List.of("house", "techno", "drum-and-bass", "hip-hop", "ambient", "jazz",
            "pop", "downtempo");
    // bpm, energy, valence, arousal centres per genre, in GENRES order.
    private static final double[][] CENTRES = {{124, .70, .5, .5}, {132, .80, -.1, .7}, {172, .85, 0, .8},
        {92, .60, .3, .3}, {80, .15, .2, -.7}, {110, .35, .4, -.2}, {118, .60, .6, .4}, {95, .35, .1, -.4}};
    private static final Map<Activity, Double> ENERGY_OF = Map.of(Activity.WORKOUT, .85, Activity.PARTY, .80,
            Activity.COMMUTE, .55, Activity.FOCUS, .35, Activity.WIND_DOWN, .15);
    private static final List<Activity> ACTIVITIES = List.of(Activity.WORKOUT, Activity.PARTY, Activity.COMMUTE,
            Activity.FOCUS, Activity.WIND_DOWN);
    private static final int DIM = 16;
    private static final int ARTISTS_PER_GENRE = 10;
    static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");

    /** One strategy's averages. */
    record Row(String strategy, double precision, double ndcg, double coverage) {
    }

    private record Synth(TrackId id, int index, int genre, int artist, double energy) {
    }

    /** A hidden taste group: genre weights, favourite artists, the scene's tracks. */
    private record Group(double[] genreWeight, Set<Integer> artists, Set<TrackId> scene) {
    }

    private record Listener(String id, Group group, Activity activity, long tasteSeed) {
    }

    private final Random random;
    private final InMemoryLibrary library = new InMemoryLibrary();
    private final List<Synth> catalogue = new ArrayList<>();

    Simulation(long seed, int tracks) {
        random = new Random(seed);
        float[][] genreVec = vectors(GENRES.size(), 1);
        float[][] artistVec = vectors(GENRES.size() * ARTISTS_PER_GENRE, 0.5);
        for (int i = 0; i < tracks; i++) {
            int g = random.nextInt(GENRES.size());
            int artist = g * ARTISTS_PER_GENRE + random.nextInt(ARTISTS_PER_GENRE);
            double[] c = CENTRES[g];
            double energy = clamp(c[1] + random.nextGaussian() * 0.12, 0, 1);
            float[] e = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                e[d] = (float) (genreVec[g][d] + artistVec[artist][d] + 0.35 * random.nextGaussian());
            }
            TrackId id = new TrackId(String.format("synthetic-%05d", i));
            Map<ResultKey<?>, Object> a = new HashMap<>();
            a.put(StandardResults.TEMPO, new Tempo(c[0] * (1 + 0.04 * random.nextGaussian()), 0.9));
            a.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot((1 + random.nextInt(12))
                    + (random.nextBoolean() ? "A" : "B")), 0.8));
            a.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 1, new float[] {(float) energy}));
            a.put(StandardResults.MOOD, new Mood(clamp(c[2] + 0.2 * random.nextGaussian(), -1, 1),
                    clamp(c[3] + 0.2 * random.nextGaussian(), -1, 1)));
            a.put(StandardResults.EMBEDDING, new Embedding("synthetic", e));
            library.put(new Track(id, URI.create("synthetic:" + id.value()), null, new TrackTags("Artist " + artist,
                    "Track " + i, null, GENRES.get(g), null, null, Map.of()), 300, TrackSource.local()),
                    new InMemoryLibrary.Analysis(id.value(), a));
            catalogue.add(new Synth(id, i, g, artist, energy));
        }
    }

    /** Runs every strategy (and a random baseline) over the same listeners and sessions. */
    List<Row> run(int users) {
        Map<String, Recommender> strategies = new LinkedHashMap<>();
        strategies.put("random", req -> randomPicks(req, new Random(req.hashCode())));
        strategies.putAll(Strategies.over(library, Clock.fixed(NOW, ZoneOffset.UTC)));
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            groups.add(group());
        }
        List<Listener> listeners = new ArrayList<>();
        List<Set<TrackId>> relevant = new ArrayList<>();
        List<Set<TrackId>> heard = new ArrayList<>();
        List<Feedback> histories = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Listener listener = listener(u, groups.get(u % GROUPS));
            Map<TrackId, Double> utility = new HashMap<>();
            catalogue.forEach(t -> utility.put(t.id(), utility(listener, t)));
            List<TrackId> ranked = catalogue.stream().map(Synth::id)
                    .sorted(Comparator.comparingDouble((TrackId id) -> -utility.get(id))).toList();
            List<Feedback> history = history(listener, ranked, utility);
            listeners.add(listener);
            relevant.add(new HashSet<>(ranked.subList(0, Math.max(1, ranked.size() / 20))));
            heard.add(new HashSet<>(history.stream().map(Feedback::track).toList()));
            histories.addAll(history);
        }
        // Stable sort: events at the same minute keep the listeners' order, so runs repeat.
        histories.sort(Comparator.comparing(Feedback::time));
        for (Feedback f : histories) {
            strategies.values().forEach(r -> r.learn(f));
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Set<TrackId>> shown = new LinkedHashMap<>();
        strategies.keySet().forEach(s -> {
            sums.put(s, new double[2]);
            shown.put(s, new HashSet<>());
        });
        int sessions = 0;
        for (int u = 0; u < users; u++) {
            List<TrackId> seeds = new ArrayList<>(relevant.get(u));
            seeds.removeAll(heard.get(u));
            seeds.sort(Comparator.comparing(TrackId::value));
            for (int s = 0; s < 3 && !seeds.isEmpty(); s++) {
                TrackId seed = seeds.remove(random.nextInt(seeds.size()));
                Set<TrackId> exclude = new HashSet<>(heard.get(u));
                exclude.add(seed);
                Set<TrackId> target = new HashSet<>(relevant.get(u));
                target.removeAll(exclude);
                RecommendationRequest req = new RecommendationRequest(listeners.get(u).id(), List.of(seed),
                        new ListeningContext(null, null, listeners.get(u).activity()), K, exclude);
                sessions++;
                for (Map.Entry<String, Recommender> e : strategies.entrySet()) {
                    List<TrackId> got = e.getValue().recommend(req).stream().map(Recommendation::track).toList();
                    sums.get(e.getKey())[0] += Metrics.precisionAt(K, got, target);
                    sums.get(e.getKey())[1] += Metrics.ndcgAt(K, got, target);
                    shown.get(e.getKey()).addAll(got);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String s : strategies.keySet()) {
            double n = Math.max(1, sessions);
            rows.add(new Row(s, sums.get(s)[0] / n, sums.get(s)[1] / n,
                    Metrics.coverage(shown.get(s), catalogue.size())));
        }
        return rows;
    }

    private Group group() {
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < GENRES.size(); g++) {
            order.add(g);
        }
        Collections.shuffle(order, random);
        double[] w = new double[GENRES.size()];
        w[order.get(0)] = 1.0;
        w[order.get(1)] = 0.6;
        w[order.get(2)] = -1.0;
        Set<Integer> artists = new HashSet<>();
        while (artists.size() < 2) {
            artists.add(order.get(0) * ARTISTS_PER_GENRE + random.nextInt(ARTISTS_PER_GENRE));
        }
        artists.add(order.get(1) * ARTISTS_PER_GENRE + random.nextInt(ARTISTS_PER_GENRE));
        Set<TrackId> scene = new HashSet<>();
        int size = Math.max(1, catalogue.size() * SCENE_PERCENT / 100);
        while (scene.size() < size) {
            scene.add(catalogue.get(random.nextInt(catalogue.size())).id());
        }
        return new Group(w, artists, scene);
    }

    private Listener listener(int u, Group group) {
        Activity activity = ACTIVITIES.get(random.nextInt(ACTIVITIES.size()));
        return new Listener("listener-" + u, group, activity, random.nextLong());
    }

    static double utility(Listener l, Synth t) {
        Group g = l.group();
        return g.genreWeight()[t.genre()] + (g.artists().contains(t.artist()) ? 0.5 : 0)
                + (g.scene().contains(t.id()) ? 1.0 : 0) - 2 * Math.abs(t.energy() - ENERGY_OF.get(l.activity()))
                + 0.3 * ownTaste(l, t);
    }

    /** The listener's own taste for a track, a standard normal draw, the same every time it is asked. */
    private static double ownTaste(Listener l, Synth t) {
        return new SplittableRandom(l.tasteSeed() ^ (0x9E3779B97F4A7C15L * (t.index() + 1))).nextGaussian();
    }

    private List<Feedback> history(Listener l, List<TrackId> ranked, Map<TrackId, Double> utility) {
        Map<TrackId, Integer> rank = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rank.put(ranked.get(i), i);
        }
        List<Feedback> out = new ArrayList<>();
        Set<TrackId> picked = new HashSet<>();
        double total = 0;
        for (TrackId id : ranked) {
            total += Math.exp(2 * utility.get(id));
        }
        while (out.size() < 40 && picked.size() < ranked.size()) {
            double x = random.nextDouble() * total;
            TrackId chosen = ranked.get(ranked.size() - 1);
            for (TrackId id : ranked) {
                x -= Math.exp(2 * utility.get(id));
                if (x <= 0) {
                    chosen = id;
                    break;
                }
            }
            if (!picked.add(chosen)) {
                continue;
            }
            int r = rank.get(chosen);
            Instant when = NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
            FeedbackKind kind = r < ranked.size() / 10 ? FeedbackKind.LIKE
                    : r < ranked.size() / 2 ? FeedbackKind.PLAY : FeedbackKind.SKIP;
            double value = kind == FeedbackKind.LIKE ? 1 : kind == FeedbackKind.PLAY ? 0.9 : 0.1;
            out.add(new Feedback(l.id(), chosen, kind, value, when));
        }
        out.sort(Comparator.comparing(Feedback::time));
        return out;
    }

    private List<Recommendation> randomPicks(RecommendationRequest req, Random r) {
        List<Recommendation> out = new ArrayList<>();
        Set<TrackId> seen = new HashSet<>(req.exclude());
        while (out.size() < req.limit() && seen.size() < catalogue.size()) {
            TrackId id = catalogue.get(r.nextInt(catalogue.size())).id();
            if (seen.add(id)) {
                out.add(new Recommendation(id, 0.5, "random"));
            }
        }
        return out;
    }

    private float[][] vectors(int n, double scale) {
        float[][] v = new float[n][DIM];
        for (float[] row : v) {
            for (int d = 0; d < DIM; d++) {
                row[d] = (float) (scale * random.nextGaussian() / Math.sqrt(DIM) * 2);
            }
        }
        return v;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
