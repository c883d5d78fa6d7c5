package org.segue.plugin.planner.harmonic.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetPlanner;
import org.segue.api.mix.SetRequest;
import org.segue.api.mix.SetTrack;
import org.segue.api.mix.TransitionScore;

/**
 * Segue's harmonic set planner: orders tracks for harmonic compatibility on the Camelot wheel,
 * tempo proximity, the requested energy arc and artist variety, and explains each transition.
 *
 * <p>It maximises, over all orders {@code t0 … t(n-1)} (with {@code t0} fixed when the request
 * names a first track),
 * <pre>
 *   score = wE·E(t0, 0) + Σ_{k=1}^{n-1} [ wH·H(t(k-1), tk) + wT·T(t(k-1), tk) + wE·E(tk, k)
 *                                         − wV·(1 − V(t(k-1), tk)) ]
 * </pre>
 * where H is the Camelot compatibility after the best allowed pitch shift ({@link KeyMatch}), T the
 * half/double-time aware tempo proximity ({@link TempoMatch}), E how close the track's energy is to
 * the arc at its position and V 0 for the same artist twice in a row ({@link PairScorer}). Each
 * bracket is one {@link TransitionScore#total()}; {@link SetOrder#score()} is the whole sum.
 *
 * <p>Sets of up to {@link Config#exactUpTo()} tracks are ordered exactly ({@link ExactSearch});
 * larger ones by a seeded heuristic ({@link HeuristicSearch}) that takes well under a second for
 * 500 tracks.
 *
 * <p>Stateless apart from the immutable settings, so concurrent calls are safe.
 */
@Component(configurationPid = HarmonicPlanner.PID, property = SetPlanner.ID + "=" + HarmonicPlanner.ID)
@Designate(ocd = HarmonicPlanner.Config.class)
public class HarmonicPlanner implements SetPlanner {

    static final String PID = "org.segue.plugin.planner.harmonic";
    /** Bump the revision when the score or the search changes the orders it returns. */
    static final String ID = "segue.planner.harmonic/1";

    @ObjectClassDefinition(name = "Segue harmonic set planner",
            description = "Orders a set by key, tempo, energy arc and artist variety.")
    public @interface Config {

        @AttributeDefinition(name = "Harmonic weight",
                description = "Weight of Camelot compatibility (same key 1, neighbour 0.9, relative 0.85, "
                        + "two steps 0.6, diagonal 0.5, clash 0.1).")
        double harmonicWeight() default 0.4;

        @AttributeDefinition(name = "Tempo weight",
                description = "Weight of tempo proximity (half and double time count as close; "
                        + "more than 6-8% stretch scores low).")
        double tempoWeight() default 0.3;

        @AttributeDefinition(name = "Energy weight",
                description = "Weight of how closely each track's energy follows the requested arc.")
        double energyWeight() default 0.3;

        @AttributeDefinition(name = "Variety penalty",
                description = "Subtracted for each time the same artist plays twice in a row. The default, "
                        + "1, outweighs anything one transition can gain otherwise.")
        double varietyWeight() default 1.0;

        @AttributeDefinition(name = "Pitch shift penalty",
                description = "Taken off the harmonic score (0..1) per semitone a track is shifted to fit.")
        double pitchShiftPenalty() default 0.1;

        @AttributeDefinition(name = "Exact search up to (tracks)",
                description = "Sets up to this size (1..16) are ordered optimally; larger ones heuristically. "
                        + "The exact search doubles in time and memory with each track.")
        int exactUpTo() default 12;
    }

    private final PlannerSettings settings;

    @Activate
    public HarmonicPlanner(Config config) {
        this(new PlannerSettings(config.harmonicWeight(), config.tempoWeight(), config.energyWeight(),
                config.varietyWeight(), config.pitchShiftPenalty(), config.exactUpTo()));
    }

    HarmonicPlanner(PlannerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public SetOrder order(List<SetTrack> tracks, SetRequest request) {
        Objects.requireNonNull(tracks, "tracks");
        Objects.requireNonNull(request, "request");
        List<TrackFeatures> features = new ArrayList<>(tracks.size());
        Set<String> ids = new HashSet<>();
        int first = -1;
        for (SetTrack track : tracks) {
            if (track == null) {
                throw new IllegalArgumentException("tracks must not contain null");
            }
            if (!ids.add(track.id())) {
                throw new IllegalArgumentException("duplicate track id: " + track.id());
            }
            if (track.id().equals(request.firstTrackId())) {
                first = features.size();
            }
            features.add(TrackFeatures.of(track));
        }
        if (request.firstTrackId() != null && first < 0) {
            throw new IllegalArgumentException("firstTrackId is not among the tracks: " + request.firstTrackId());
        }
        PairScorer scorer = new PairScorer(settings, request, tracks.size());
        SetModel model = SetModel.of(features, scorer, first);
        int[] order = tracks.size() <= settings.exactUpTo() ? ExactSearch.solve(model)
                : HeuristicSearch.solve(model, request.seed());
        return describe(tracks, features, order, scorer);
    }

    /** The order with each transition scored and explained; the score is the sum the search maximised. */
    private static SetOrder describe(List<SetTrack> tracks, List<TrackFeatures> features, int[] order,
            PairScorer scorer) {
        List<SetTrack> ordered = new ArrayList<>(order.length);
        List<TransitionScore> transitions = new ArrayList<>(Math.max(0, order.length - 1));
        Explainer explainer = new Explainer(scorer);
        double score = 0;
        for (int k = 0; k < order.length; k++) {
            ordered.add(tracks.get(order[k]));
            if (k == 0) {
                score += scorer.place(features.get(order[0]), 0);
            } else {
                TransitionScore transition = explainer.transition(features.get(order[k - 1]),
                        features.get(order[k]), k);
                transitions.add(transition);
                score += transition.total();
            }
        }
        return new SetOrder(ordered, transitions, score, ID);
    }
}
