package org.segue.plugin.server.http.internal.share;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.Mixes;

/** {@link SharedMixes} of the server: each owner's mixes and plans under their data folder. */
public final class OwnersMixes implements SharedMixes {

    private final Supplier<Mixes> mixes;
    private final Function<String, Path> userFolders;

    /**
     * @param mixes the mix service (asked each time: its DJ styles come and go)
     * @param userFolders a user's data folder, {@code DATA/users/<name>}
     */
    public OwnersMixes(Supplier<Mixes> mixes, Function<String, Path> userFolders) {
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
}
