package org.segue.api.library;

import java.util.Objects;

/**
 * A track found by similarity, with how similar it is.
 *
 * @param track the track
 * @param similarity cosine similarity of the embeddings, -1..1 (1 = the same sound)
 */
public record ScoredTrack(Track track, double similarity) {
    public ScoredTrack {
        Objects.requireNonNull(track, "track");
    }
}
