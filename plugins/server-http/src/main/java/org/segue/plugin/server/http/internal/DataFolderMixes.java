package org.segue.plugin.server.http.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.Mixes;
import org.segue.plugin.server.http.internal.play.PlayRoutes;
import org.segue.plugin.server.http.internal.share.SharedMixes;

/**
 * The server's mixes and plans, under each user's data folder: what share links serve (any
 * owner's, by the link) and what challenges take as entries (only the caller's own).
 */
final class DataFolderMixes implements SharedMixes, PlayRoutes.Mixes {

    private final Supplier<Mixes> mixes;
    private final Function<String, Path> userFolders;

    /**
     * @param mixes the mix service (asked each time: its DJ styles come and go)
     * @param userFolders a user's data folder, {@code DATA/users/<name>}
     */
    DataFolderMixes(Supplier<Mixes> mixes, Function<String, Path> userFolders) {
        this.mixes = mixes;
        this.userFolders = userFolders;
    }

    @Override
    public MixDto mix(String owner, String mixId) throws IOException {
        return mixes.get().mix(userFolders.apply(owner), mixId);
    }

    @Override
    public Path file(String owner, String mixId, String which) {
        return mixes.get().mixFile(userFolders.apply(owner), mixId, which);
    }

    @Override
    public PlanDto plan(String owner, String planId) throws IOException {
        return mixes.get().plan(userFolders.apply(owner), planId);
    }

    @Override
    public Optional<PlayRoutes.OwnMix> find(String user, String mixId) throws IOException {
        Mixes m = mixes.get();
        Path folder = userFolders.apply(user);
        try {
            MixDto mix = m.mix(folder, mixId);
            return Optional.of(new PlayRoutes.OwnMix(m.plan(folder, mix.planId()), mix));
        } catch (NoSuchElementException e) {
            return Optional.empty(); // not theirs, or malformed: the same 404
        }
    }
}
