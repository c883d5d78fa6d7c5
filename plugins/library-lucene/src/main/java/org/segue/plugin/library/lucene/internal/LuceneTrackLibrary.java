package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.library.TrackLibrary;

/**
 * The default {@link TrackLibrary} service (no {@link TrackLibrary#OWNER} property): the library of
 * a single-user installation, the command line's, on a Lucene index folder. The component only owns
 * the lifecycle (open on activation, close on deactivation); {@link TrackIndex} does the work.
 *
 * <p>Only one process can open an index for writing: a second {@code segue} process on the same
 * folder fails to activate with a message saying the library is in use.
 */
@Component(configurationPid = LuceneTrackLibrary.PID, service = TrackLibrary.class)
@Designate(ocd = LuceneTrackLibrary.Config.class)
public class LuceneTrackLibrary extends IndexedTrackLibrary {

    public static final String PID = "org.segue.library.lucene";

    @ObjectClassDefinition(name = "Segue Lucene library", description = "The track library index on disk")
    public @interface Config {
        @AttributeDefinition(description = "Index folder; empty means $XDG_DATA_HOME/segue/library "
                + "(or ~/.local/share/segue/library)")
        String indexDirectory() default "";
    }

    @Activate
    void activate(Config config) throws IOException {
        open(indexDirectory(config.indexDirectory()));
    }

    @Deactivate
    void deactivate() throws IOException {
        close();
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
}
