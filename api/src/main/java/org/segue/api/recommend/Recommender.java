package org.segue.api.recommend;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of track recommendations (similar timbre, harmonic and tempo fit, collaborative
 * filtering…), contributed by a plugin as a service and registered with {@link SegueRecommender}
 * to set {@link #ID}.
 *
 * <p>Who calls: the kernel's recommendation runtime. {@link #recommend} is called from request
 * threads, concurrently; {@link #learn} from one feedback thread, in time order, possibly while
 * {@code recommend} runs, so a learning model publishes updates safely (e.g. swaps an immutable
 * model). Both return quickly: heavy training is scheduled by the recommender in the background.
 *
 * <p>Failure: an exception from {@code recommend} drops this recommender from that answer; one
 * from {@code learn} is logged and the feedback skipped. The runtime filters out excluded and
 * unknown tracks again, so a careless recommender cannot leak them to the user.
 */
@ConsumerType
public interface Recommender {
    /** Service property (String): the recommender id with revision, e.g. {@code segue.recommender.timbre/1}. */
    String ID = "segue.recommender.id";

    /**
     * Recommends tracks.
     *
     * @return at most {@code request.limit()} recommendations, best first, none of them excluded,
     *         each with a short explanation; empty when nothing fits
     */
    List<Recommendation> recommend(RecommendationRequest request);

    /** Updates the model with one piece of feedback; the default ignores it (models that do not learn). */
    default void learn(Feedback feedback) {
    }
}
