package org.segue.plugin.recommend.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.segue.api.recommend.Feedback;

/**
 * The user × track matrix of implicit feedback and item-item cosine similarity over it.
 *
 * <p>A cell {@code r(u,i)} is the sum of user u's signals about track i, each decayed by its age
 * ({@link PreferenceModel#signal}, {@link PreferenceModel#decay}: like +1, dislike −1, play
 * +0.4 × fraction, skip −0.6 × (1 − fraction), rating 2 × (value − 0.5); half-life as configured).
 * Each user's row is literally a {@link PreferenceModel} whose features are track ids, so the
 * online update, recency decay and out-of-order handling are the preference model's.
 *
 * <p>Similarity of two tracks for user u: the cosine of their columns of positive cells over the
 * other listeners, {@code sim(i,j) = Σ_{v≠u} p(v,i)·p(v,j) / (‖p(·,i)‖·‖p(·,j)‖)} with
 * {@code p = max(0, r)}: tracks are alike when the same listeners like them, in proportion. Leaving
 * u out means a recommendation always rests on other people ("liked by listeners who also liked
 * X"), and one user alone gets no evidence. Negative cells take no part in the similarity (a skip
 * says little about what else a listener likes) but do weigh in the user's evidence below.
 *
 * <p>Evidence for track j and user u: {@code Σ_i r(u,i)·sim(i,j)} over the tracks u has cells for
 * (the strongest {@code profileSize}) plus the request's seeds at {@code seedWeight}. Computed per
 * candidate from the few listeners of j, so scoring one track (reranking) costs
 * {@code |listeners of j| × |profile|}.
 *
 * <p>Threads: one writer ({@code learn}), concurrent readers. Rows are immutable and replaced whole;
 * the track → listeners index only grows with the rows, so a reader may see a listener whose new
 * row it does not yet see, which counts as no cell.
 */
final class Interactions {

    /**
     * The evidence for one track.
     *
     * @param value {@code Σ r(u,i)·sim(i,j)}
     * @param because the profile track that contributed most, or {@code null} when nothing did
     * @param listeners how many listeners (other than the user) like both {@code because} and the track
     * @param support how many profile tracks share a listener with the track; 0 means no evidence at all
     */
    record Evidence(double value, String because, int listeners, int support) {
    }

    private final Duration halfLife;
    private final Map<String, PreferenceModel> rows = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> listenersOf = new ConcurrentHashMap<>();
    /** Users with a positive cell; decay scales cells but never flips their sign, so this holds at any time. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    Interactions(Duration halfLife) {
        this.halfLife = halfLife;
    }

    /** Adds one event; false when it carries no signal (a transition rating) and changes nothing. */
    boolean learn(Feedback f) {
        PreferenceModel before = rows.getOrDefault(f.userId(), PreferenceModel.empty(halfLife));
        PreferenceModel after = before.learn(f, List.of(f.track().value()));
        if (after == before) {
            return false;
        }
        listenersOf.computeIfAbsent(f.track().value(), t -> ConcurrentHashMap.newKeySet()).add(f.userId());
        rows.put(f.userId(), after);
        if (after.weights().values().stream().anyMatch(w -> w.value() > 0)) {
            active.add(f.userId());
        } else {
            active.remove(f.userId());
        }
        return true;
    }

    /** How many users like at least one track. */
    int activeUsers() {
        return active.size();
    }

    /** A user's cells at {@code now}, the strongest {@code size} by magnitude. */
    Map<String, Double> profile(String user, Instant now, int size) {
        PreferenceModel row = rows.get(user);
        Map<String, Double> out = new LinkedHashMap<>();
        if (row == null) {
            return out;
        }
        row.weights().entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().at(now, halfLife)))
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(size).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The tracks liked by other listeners who like a track of the profile: the candidates worth scoring. */
    Set<String> candidates(String user, Map<String, Double> profile, Instant now) {
        Set<String> out = new HashSet<>();
        for (String i : profile.keySet()) {
            for (String v : listenersOf.getOrDefault(i, Set.of())) {
                PreferenceModel row = v.equals(user) ? null : rows.get(v);
                if (row != null && positive(row, i, now) > 0) {
                    row.weights().forEach((j, w) -> {
                        if (w.at(now, halfLife) > 0) {
                            out.add(j);
                        }
                    });
                }
            }
        }
        out.removeAll(profile.keySet());
        return out;
    }

    /** The evidence that {@code user}, with this profile, likes track {@code j}. */
    Evidence evidence(String user, Map<String, Double> profile, String j, Instant now) {
        return evidence(user, profile, j, now, new HashMap<>());
    }

    /**
     * The same, with a cache of the profile tracks' norms to share between the candidates of one
     * request (they are the expensive part: every listener of every profile track).
     */
    Evidence evidence(String user, Map<String, Double> profile, String j, Instant now, Map<String, Double> norms) {
        Map<String, Double> dot = new LinkedHashMap<>();
        Map<String, Integer> shared = new LinkedHashMap<>();
        double normJ = 0;
        for (String v : listenersOf.getOrDefault(j, Set.of())) {
            PreferenceModel row = v.equals(user) ? null : rows.get(v);
            double pj = row == null ? 0 : positive(row, j, now);
            if (pj <= 0) {
                continue;
            }
            normJ += pj * pj;
            for (String i : profile.keySet()) {
                double pi = positive(row, i, now);
                if (pi > 0) {
                    dot.merge(i, pi * pj, Double::sum);
                    shared.merge(i, 1, Integer::sum);
                }
            }
        }
        double value = 0;
        double best = 0;
        String because = null;
        for (Map.Entry<String, Double> e : dot.entrySet()) {
            double normI = norms.computeIfAbsent(e.getKey(), i -> norm(user, i, now));
            double part = profile.get(e.getKey()) * e.getValue() / Math.sqrt(normJ * normI);
            value += part;
            if (part > best) {
                best = part;
                because = e.getKey();
            }
        }
        return new Evidence(value, because, because == null ? 0 : shared.get(because), dot.size());
    }

    /** {@code Σ_v p(v,i)²} over the listeners other than {@code user}. */
    private double norm(String user, String i, Instant now) {
        double sum = 0;
        for (String v : listenersOf.getOrDefault(i, Set.of())) {
            PreferenceModel row = v.equals(user) ? null : rows.get(v);
            double p = row == null ? 0 : positive(row, i, now);
            sum += p * p;
        }
        return sum;
    }

    private double positive(PreferenceModel row, String track, Instant now) {
        return Math.max(0, row.weight(track, now));
    }
}
