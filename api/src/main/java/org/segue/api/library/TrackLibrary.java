package org.segue.api.library;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.segue.api.analysis.AnalysisResults;

/**
 * The collection of tracks of one library, with their analyses. Implemented by the kernel or a
 * library plugin; used by importers, planners, recommenders and the server.
 *
 * <p>One service is one library. The host scopes libraries per user (each user's library is its
 * own service, or the host hands each request the user's one), so this interface carries no user.
 *
 * <p>Thread-safe: searches run concurrently with each other and with writes, and see only
 * committed tracks.
 *
 * <p>Durability: when {@link #put} or {@link #remove} returns, the change is committed and
 * survives the process being killed ({@code kill -9}); a write interrupted by a crash is absent
 * as a whole, never half present.
 *
 * <p>Failure: storage errors (disk full, corrupt index) are thrown as
 * {@link java.io.UncheckedIOException}; the library's state is then as before the call.
 */
@ProviderType
public interface TrackLibrary {
    /**
     * Service property (String): the id of the user whose library this is. Absent on the default
     * library of a single-user installation (the command line's). A host serving several users (the
     * server) registers one library per user with this property and looks them up by
     * {@code (segue.library.owner=<user id>)}; recommenders use the library of the request's user
     * when one is registered, else the default library.
     */
    String OWNER = "segue.library.owner";

    /** The track with an id, or empty. */
    Optional<Track> track(TrackId id);

    /** The stored analysis of a track, or empty when it has none or does not exist. */
    Optional<AnalysisResults> analysis(TrackId id);

    /** Searches the library. */
    SearchResult search(TrackQuery query);

    /**
     * Adds or replaces a track and its analysis, atomically: readers see both old or both new.
     *
     * @param track the track
     * @param analysis its analysis, whose {@link AnalysisResults#trackId()} is the track's id; or
     *        {@code null} to change only the track and keep any stored analysis
     * @throws IllegalArgumentException if the analysis belongs to another track
     */
    void put(Track track, AnalysisResults analysis);

    /**
     * Removes a track and its analysis.
     *
     * @return true when the track existed
     */
    boolean remove(TrackId id);

    /**
     * The tracks whose embeddings ({@link org.segue.api.analysis.StandardResults#EMBEDDING}) are
     * nearest to a vector, most similar first, among those matching the filter (a kNN search over
     * an index: a graph search, or an exact scan of only the tracks the filter admits, found through
     * the index; never a scan of the whole library).
     *
     * @param vector an embedding of the library's model and dimension
     * @param k how many, 1..{@link TrackQuery#MAX_LIMIT}
     * @param filter restricts candidates (bpm range, keys, genres …); its offset and limit are ignored
     * @throws IllegalArgumentException when the vector's dimension does not match the index
     */
    java.util.List<ScoredTrack> nearest(float[] vector, int k, TrackQuery filter);
}
