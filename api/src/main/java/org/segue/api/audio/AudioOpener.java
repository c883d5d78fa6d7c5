package org.segue.api.audio;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens any audio file with the best installed {@link AudioDecoder}, chosen by what the file's
 * first bytes say (so a wrong extension does not matter), and reads its tags.
 *
 * <p>Implemented by Segue's analysis engine; used by everything that plays or renders files, so
 * decoder choice lives in one place. Thread-safe.
 */
@ProviderType
public interface AudioOpener {

    /**
     * Opens the file for streaming.
     *
     * @throws AudioDecodingException when no decoder accepts the file, or it is empty, missing or
     *     corrupt; the message names the file
     */
    PcmSource open(Path file) throws IOException;

    /** The file's tags, {@link TrackTags#empty()} when it has none or no decoder reads them. */
    TrackTags tags(Path file);
}
