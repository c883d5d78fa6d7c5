package org.segue.api.style;

import org.osgi.annotation.versioning.ConsumerType;
import org.segue.api.analysis.AnalysisResults;

/**
 * A way of mixing one track into another (a long EQ blend, a bass swap, an echo-out, a cut…),
 * contributed by a plugin as a service and registered with {@link SegueStyle} to set {@link #ID}
 * and {@link #NAME}.
 *
 * <p>Who calls: the kernel's set planner, from worker threads, concurrently and often (it rates
 * every style against many track pairs), so both methods are thread-safe, fast and free of I/O.
 * A style reads only the analyses it is given.
 *
 * <p>Failure: an exception from either method is reported with the style's id and the planner
 * uses another style; an unsuitable style should return {@code 0} from {@link #suitability} rather
 * than fail in {@link #plan}.
 *
 * <p>Example:
 * <pre>{@code
 * @Component
 * @SegueStyle(id = "segue.style.bassswap/1", name = "Bass swap")
 * public class BassSwap implements DjStyle { ... }
 * }</pre>
 */
@ConsumerType
public interface DjStyle {
    /** Service property (String): the style id with revision, e.g. {@code segue.style.bassswap/1}. */
    String ID = "segue.style.id";
    /** Service property (String): the name shown to users, e.g. {@code Bass swap}. */
    String NAME = "segue.style.name";

    /**
     * How well this style can join the two tracks, so a planner can pick a style per pair: {@code 0}
     * when it cannot (e.g. it needs a beat grid one track lacks), {@code 1} for an ideal pair.
     *
     * @return a value in {@code [0, 1]}
     */
    double suitability(AnalysisResults outgoing, AnalysisResults incoming);

    /**
     * Plans the transition. Deterministic: the same request gives the same plan, so a previewed
     * plan is the one that plays.
     *
     * @return the plan, with {@link TransitionPlan#styleId()} equal to this style's {@link #ID}
     * @throws IllegalArgumentException if the style cannot join these tracks
     */
    TransitionPlan plan(TransitionRequest request);
}
