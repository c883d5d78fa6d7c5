package org.segue.plugin.recommend.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;

/**
 * One user's taste as explainable weights over track features ({@link #features}): genre, key
 * mode, tempo band, energy band, artist. Immutable; {@link #learn} returns the updated model, so a
 * recommender publishes a new one with a single volatile write while requests read the old.
 *
 * <p>Recency decay: a weight {@code w} last updated at {@code t} is worth
 * {@code w · 2^-((now - t) / halfLife)} at {@code now}. Learning decays the stored weight to the
 * feedback's time and adds the feedback's signal; feedback older than the weight is decayed
 * instead, so out-of-order events count as their age says.
 *
 * <p>Signals ({@link #signal}): like +1, dislike -1, play +0.4 × fraction played, skip
 * -0.6 × (1 - fraction played), rating 2 × (value - 0.5), transition rating 0 (it rates the
 * transition, not the track).
 *
 * <p>Score of a track: the logistic of the sum of its features' decayed weights, so 0.5 for a
 * track the model knows nothing about.
 *
 * @param halfLife the decay half-life, positive
 * @param weights feature name to weight; copied
 */
record PreferenceModel(Duration halfLife, Map<String, Weight> weights) {

    /**
     * A weight and when it was last updated.
     *
     * @param value the weight at {@code time}
     * @param time its time
     */
    record Weight(double value, Instant time) {
        double at(Instant now, Duration halfLife) {
            return value * decay(time, now, halfLife);
        }
    }

    PreferenceModel {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive: " + halfLife);
        }
        weights = Map.copyOf(weights);
    }

    static PreferenceModel empty(Duration halfLife) {
        return new PreferenceModel(halfLife, Map.of());
    }

    static double decay(Instant from, Instant to, Duration halfLife) {
        double seconds = Duration.between(from, to).toMillis() / 1000.0;
        return Math.pow(0.5, seconds / (halfLife.toMillis() / 1000.0));
    }

    /** The signal of one piece of feedback, {@code -1..1}. */
    static double signal(FeedbackKind kind, double value) {
        return switch (kind) {
            case LIKE -> 1;
            case DISLIKE -> -1;
            case PLAY -> 0.4 * value;
            case SKIP -> -0.6 * (1 - value);
            case RATING -> 2 * (value - 0.5);
            case TRANSITION_RATING -> 0;
        };
    }

    /** The features the model weighs for a track, e.g. {@code genre:house}, {@code tempo:120-129}. */
    static List<String> features(TrackFeatures t) {
        List<String> f = new ArrayList<>(5);
        if (t.genre() != null) {
            f.add("genre:" + t.genre());
        }
        if (t.camelot() != null) {
            f.add(t.camelot().endsWith("A") ? "mode:minor" : "mode:major");
        }
        if (!Double.isNaN(t.bpm())) {
            int band = (int) (t.bpm() / 10) * 10;
            f.add("tempo:" + band + "-" + (band + 9));
        }
        if (!Double.isNaN(t.energy())) {
            f.add("energy:" + (t.energy() < 0.35 ? "low" : t.energy() < 0.65 ? "mid" : "high"));
        }
        if (t.artist() != null && !t.artist().isBlank()) {
            f.add("artist:" + t.artist().strip().toLowerCase(Locale.ROOT));
        }
        return f;
    }

    /** The model after one piece of feedback about a track with these features. */
    PreferenceModel learn(Feedback feedback, List<String> features) {
        double signal = signal(feedback.kind(), feedback.value());
        if (signal == 0 || features.isEmpty()) {
            return this;
        }
        Map<String, Weight> next = new HashMap<>(weights);
        for (String f : features) {
            Weight old = next.get(f);
            Weight updated;
            if (old == null) {
                updated = new Weight(signal, feedback.time());
            } else if (!feedback.time().isBefore(old.time())) {
                updated = new Weight(old.at(feedback.time(), halfLife) + signal, feedback.time());
            } else {
                updated = new Weight(old.value() + signal * decay(feedback.time(), old.time(), halfLife), old.time());
            }
            next.put(f, updated);
        }
        return new PreferenceModel(halfLife, next);
    }

    /** The decayed weight of a feature at a time; 0 when unknown. */
    double weight(String feature, Instant now) {
        Weight w = weights.get(feature);
        return w == null ? 0 : w.at(now, halfLife);
    }

    /** The score of a track, {@code 0..1}, with the two features that moved it most. */
    Scored score(TrackFeatures t, Instant now) {
        double sum = 0;
        List<Map.Entry<String, Double>> parts = new ArrayList<>();
        for (String f : features(t)) {
            double w = weight(f, now);
            if (w != 0) {
                sum += w;
                parts.add(Map.entry(f, w));
            }
        }
        parts.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())));
        List<String> why = new ArrayList<>();
        for (Map.Entry<String, Double> e : parts.subList(0, Math.min(2, parts.size()))) {
            why.add((e.getValue() > 0 ? "likes " : "avoids ") + e.getKey().replace(':', ' ')
                    + String.format(Locale.ROOT, " (%+.2f)", e.getValue()));
        }
        return new Scored(1 / (1 + Math.exp(-sum)), parts.isEmpty(), String.join(", ", why));
    }

    /**
     * A track's preference score.
     *
     * @param score {@code 0..1}, 0.5 when unknown
     * @param unknown whether no feature of the track has a weight
     * @param why the strongest features, e.g. "likes genre house (+1.80)"
     */
    record Scored(double score, boolean unknown, String why) {
    }
}
