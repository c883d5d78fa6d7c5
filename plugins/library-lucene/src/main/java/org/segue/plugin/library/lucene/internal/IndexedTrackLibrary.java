package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.SearchResult;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;

/**
 * What both library components share: a {@link TrackLibrary} service backed by one
 * {@link TrackIndex}, opened on activation and closed on deactivation. The subclasses only say
 * where the index lives and under which configuration ({@link LuceneTrackLibrary}: the single
 * user's default library; {@link UserTrackLibrary}: one per configured user).
 *
 * <p>Why a base class rather than each component holding a {@code TrackIndex}: the component must
 * be the service object, so the delegation of every {@code TrackLibrary} method has to live in a
 * class DS instantiates; keeping it here means one copy of it, and the DS annotations (which are
 * not inherited) stay on the concrete classes.
 */
abstract class IndexedTrackLibrary implements TrackLibrary {

    private volatile TrackIndex index;

    /** Opens the index; called from the subclass's activate method. */
    final void open(Path folder) throws IOException {
        index = TrackIndex.open(folder);
    }

    /** Closes the index; called from the subclass's deactivate method. */
    final void close() throws IOException {
        TrackIndex i = index;
        if (i != null) {
            i.close();
        }
    }

    @Override
    public Optional<Track> track(TrackId id) {
        return index.track(id);
    }

    @Override
    public Optional<AnalysisResults> analysis(TrackId id) {
        return index.analysis(id);
    }

    @Override
    public SearchResult search(TrackQuery query) {
        return index.search(query);
    }

    @Override
    public void put(Track track, AnalysisResults analysis) {
        index.put(track, analysis);
    }

    @Override
    public boolean remove(TrackId id) {
        return index.remove(id);
    }

    @Override
    public List<ScoredTrack> nearest(float[] vector, int k, TrackQuery filter) {
        return index.nearest(vector, k, filter);
    }
}
