package org.segue.plugin.recommend.core.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.segue.api.library.TrackLibrary;

/**
 * Which {@link TrackLibrary} serves a user: the one registered with
 * {@link TrackLibrary#OWNER}{@code =<user id>} when there is one, else the default library (the one
 * without that property). Among several candidates the service ranking decides, then the oldest
 * service, as for any OSGi reference.
 *
 * <p>One component holds the dynamic references for every recommender of this bundle, so per-user
 * libraries come and go (a server adding a user, a configuration deleted) without the recommenders
 * being restarted; they hold a static reference to this. It is registered under this internal class,
 * so only this bundle sees it. Other bundles that copy the class privately ({@code cli-recommend})
 * use it as a plain object fed by their own references.
 *
 * <p>Thread-safe: lookups run concurrently with binding and unbinding.
 */
@Component(service = UserLibraries.class)
public class UserLibraries {

    /** Sort key: owner ("" for the default library), then highest ranking, then lowest service id. */
    private record Key(String owner, int ranking, long serviceId) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::owner)
            .thenComparing(Comparator.comparingInt(Key::ranking).reversed()).thenComparingLong(Key::serviceId);

    private final ConcurrentSkipListMap<Key, TrackLibrary> libraries = new ConcurrentSkipListMap<>(ORDER);
    /** Per library (by identity): the decoded features of its tracks. */
    private final Map<TrackLibrary, FeatureCache> features =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The libraries for a given default library only: for tests and offline tools. */
    public static UserLibraries of(TrackLibrary defaultLibrary) {
        UserLibraries l = new UserLibraries();
        l.addLibrary(defaultLibrary, Map.of());
        return l;
    }

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addLibrary(TrackLibrary library, Map<String, Object> properties) {
        libraries.put(key(properties), library);
    }

    public void removeLibrary(TrackLibrary library, Map<String, Object> properties) {
        libraries.remove(key(properties), library);
        if (!libraries.containsValue(library)) {
            features.remove(library);
        }
    }

    /** A track's recommendation features, decoded once per version of the track (see {@link FeatureCache}). */
    TrackFeatures features(TrackLibrary library, org.segue.api.library.Track track) {
        FeatureCache cache = features.computeIfAbsent(library, l -> new FeatureCache(FeatureCache.DEFAULT_CAPACITY));
        TrackFeatures known = cache.get(track);
        if (known != null) {
            return known;
        }
        TrackFeatures decoded = TrackFeatures.of(library, track);
        cache.put(track, decoded);
        return decoded;
    }

    /** The features of the track with an id, or empty when the library has no such track. */
    java.util.Optional<TrackFeatures> features(TrackLibrary library, org.segue.api.library.TrackId id) {
        return library.track(id).map(t -> features(library, t));
    }

    /**
     * The library of a user: its own when registered, else the default one.
     *
     * @throws IllegalStateException when neither is registered, naming the user
     */
    public TrackLibrary forUser(String userId) {
        TrackLibrary own = first(userId == null ? "" : userId);
        if (own != null) {
            return own;
        }
        TrackLibrary shared = first("");
        if (shared == null) {
            throw new IllegalStateException("no track library for user '" + userId + "' and no default library");
        }
        return shared;
    }

    private TrackLibrary first(String owner) {
        Map.Entry<Key, TrackLibrary> e = libraries.ceilingEntry(new Key(owner, Integer.MAX_VALUE, Long.MIN_VALUE));
        return e != null && e.getKey().owner().equals(owner) ? e.getValue() : null;
    }

    private static Key key(Map<String, Object> properties) {
        Object owner = properties.get(TrackLibrary.OWNER);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        return new Key(owner == null ? "" : owner.toString(), ranking instanceof Integer r ? r : 0,
                id instanceof Long l ? l : 0L);
    }
}
