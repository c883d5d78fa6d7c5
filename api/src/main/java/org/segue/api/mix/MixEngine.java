package org.segue.api.mix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes DJ mixes: analyses the tracks, orders the set with a {@link SetPlanner}, picks a DJ style
 * per transition, and renders the continuous, beat-matched mix with the effects the styles
 * automate, loudness-normalised and true-peak limited.
 *
 * <p>Implemented by Segue's mix engine; used by the command line and the server. Thread-safe;
 * rendering streams to disk (never the whole mix in memory) and writes each output to a temporary
 * file renamed into place when complete, so an interrupted render leaves no broken file.
 */
@ProviderType
public interface MixEngine {

    /**
     * Plans a mix of the given files (analysing any not analysed yet).
     *
     * @throws IOException when a file cannot be read; the message names it
     */
    MixPlan plan(List<Path> files, MixRequest request) throws IOException;

    /**
     * Renders the whole mix.
     *
     * @param progress receives the share done, 0..1, from the rendering thread
     */
    MixResult render(MixPlan plan, RenderOptions options, DoubleConsumer progress) throws IOException;

    /** Renders only transition {@code index} (with a few bars either side), to hear it before applying it. */
    MixResult preview(MixPlan plan, int index, RenderOptions options) throws IOException;
}
