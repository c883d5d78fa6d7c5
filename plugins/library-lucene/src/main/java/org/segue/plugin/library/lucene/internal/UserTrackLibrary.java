package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.library.TrackLibrary;

/**
 * One user's {@link TrackLibrary}: a factory configuration per user (File Install reads
 * {@code conf/org.segue.library.lucene.user-<name>.cfg}) gives one service, on its own index
 * folder, registered with {@code segue.library.owner=<user id>} (configuration properties become
 * service properties). Deleting the configuration unregisters the service and closes the index.
 *
 * <p>Immediate, unlike the default library: a delayed component is disposed by SCR whenever its
 * last user releases it, which would reopen a Lucene index for every request of a server that
 * looks libraries up per request; and a folder that cannot be opened (in use, unwritable) then
 * fails when the configuration arrives, logged with its cause, instead of registering a service
 * that cannot be obtained.
 */
@Component(configurationPid = UserTrackLibrary.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = TrackLibrary.class, immediate = true)
@Designate(ocd = UserTrackLibrary.Config.class, factory = true)
public class UserTrackLibrary extends IndexedTrackLibrary {

    public static final String FACTORY_PID = "org.segue.library.lucene.user";

    @ObjectClassDefinition(name = "Segue Lucene library of one user",
            description = "A user's own track library index on disk, for a host serving several users")
    public @interface Config {
        @AttributeDefinition(description = "Index folder of this user's library (required; not shared with "
                + "another library)")
        String indexDirectory();

        /** Read as the service property {@value TrackLibrary#OWNER} (DS maps "_" to "."). */
        @AttributeDefinition(name = "Owner", description = "The id of the user whose library this is (required)")
        String segue_library_owner();
    }

    @Activate
    void activate(Config config) throws IOException {
        String owner = required(config.segue_library_owner(), TrackLibrary.OWNER);
        String folder = required(config.indexDirectory(), "indexDirectory");
        try {
            open(Path.of(folder));
        } catch (IOException | RuntimeException e) {
            throw new IOException("library of user '" + owner + "' (" + FACTORY_PID + ", indexDirectory " + folder
                    + "): " + e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() throws IOException {
        close();
    }

    /** A required configuration value, trimmed; a clear error naming the property when absent or blank. */
    static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(FACTORY_PID + " configuration needs " + property);
        }
        return value.strip();
    }
}
