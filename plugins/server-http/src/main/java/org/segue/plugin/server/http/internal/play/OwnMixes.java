package org.segue.plugin.server.http.internal.play;

import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.Mixes;

/** {@link PlayRoutes.Mixes} of the server: the mixes and plans under each user's data folder. */
public final class OwnMixes implements PlayRoutes.Mixes {

    private final Supplier<Mixes> mixes;
    private final Function<String, Path> userFolders;

    /**
     * @param mixes the mix service (asked each time: its DJ styles come and go)
     * @param userFolders a user's data folder, {@code DATA/users/<name>}
     */
    public OwnMixes(Supplier<Mixes> mixes, Function<String, Path> userFolders) {
        this.mixes = mixes;
        this.userFolders = userFolders;
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
