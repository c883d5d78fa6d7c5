package org.segue.plugin.server.http.internal.share;

import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;

/**
 * The mixes a share can point at, looked up by owner: in the server, the owner's mixes and plans of
 * {@code Mixes} under their data folder. An interface so the share routes are tested without a mix
 * engine.
 */
public interface SharedMixes {

    /** @throws NoSuchElementException when the owner has no such mix (or the id is malformed) */
    MixDto mix(String owner, String mixId) throws IOException;

    /**
     * One rendered file of the mix: {@code audio}, {@code tracklist} or {@code timeline}.
     *
     * @throws NoSuchElementException when there is none
     */
    Path file(String owner, String mixId, String which);

    /** The plan the mix was rendered from (for the tracks' licences), @throws NoSuchElementException when gone */
    PlanDto plan(String owner, String planId) throws IOException;
}
