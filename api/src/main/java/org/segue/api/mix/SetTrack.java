package org.segue.api.mix;

import java.nio.file.Path;
import java.util.Objects;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.audio.TrackTags;

/**
 * A track that may go into a set: its identity, where its audio is, its analysis and tags.
 *
 * @param id a stable identity (the content hash, or a library id)
 * @param file the audio file
 * @param analysis tempo, key, energy … as analysed
 * @param tags artist, title … ({@link TrackTags#empty()} when unknown)
 */
public record SetTrack(String id, Path file, AnalysisResults analysis, TrackTags tags) {
    public SetTrack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(tags, "tags");
    }

    /** The title tag, else the file name without its extension. */
    public String displayName() {
        if (tags.title() != null && !tags.title().isBlank()) {
            return tags.artist() == null || tags.artist().isBlank() ? tags.title() : tags.artist() + " – " + tags.title();
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
