package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.SearchResult;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;

/**
 * The {@link TrackLibrary} service on a Lucene index folder. The component only owns the lifecycle
 * (open on activation, close on deactivation); {@link TrackIndex} does the work.
 *
 * <p>Only one process can open an index for writing: a second {@code segue} process on the same
 * folder fails to activate with a message saying the library is in use.
 */
@Component(configurationPid = LuceneTrackLibrary.PID, service = TrackLibrary.class)
@Designate(ocd = LuceneTrackLibrary.Config.class)
public class LuceneTrackLibrary implements TrackLibrary {

    public static final String PID = "org.segue.library.lucene";

    @ObjectClassDefinition(name = "Segue Lucene library", description = "The track library index on disk")
    public @interface Config {
        @AttributeDefinition(description = "Index folder; empty means $XDG_DATA_HOME/segue/library "
                + "(or ~/.local/share/segue/library)")
        String indexDirectory() default "";
    }

    private volatile TrackIndex index;

    @Activate
    void activate(Config config) throws IOException {
        index = TrackIndex.open(indexDirectory(config.indexDirectory()));
    }

    @Deactivate
    void deactivate() throws IOException {
        index.close();
    }

    static Path indexDirectory(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("segue").resolve("library");
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
