package org.segue.api.mix;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Orders a set of analysed tracks for a mix: harmonic compatibility, tempo proximity, the energy
 * arc and variety, each transition explained.
 *
 * <p>Who calls: the mix engine (command line, server), on a worker thread; implementations must
 * be thread-safe (stateless is best) and return within seconds even for hundreds of tracks (use a
 * heuristic search beyond the size where an exact search is cheap).
 *
 * <p>Failure: an {@link IllegalArgumentException} for unusable input (e.g. duplicate ids); the
 * engine then falls back to another planner or the given order.
 */
@ConsumerType
public interface SetPlanner {

    /** Service property (String): the planner's id with revision, e.g. {@code "segue.planner.harmonic/1"}. */
    String ID = "segue.planner.id";

    /**
     * Orders the tracks.
     *
     * @param tracks the candidates, each with tempo, key and energy in its analysis where known
     * @param request the arc and the other wishes
     * @return every track exactly once, in play order
     */
    SetOrder order(List<SetTrack> tracks, SetRequest request);
}
