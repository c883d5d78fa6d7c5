package org.segue.plugin.server.http.internal.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.segue.api.audio.AudioOpener;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.library.Track;
import org.segue.api.library.TrackLibrary;
import org.segue.plugin.server.http.internal.jobs.JobManager;
import org.segue.plugin.server.http.internal.jobs.JobWork;
import org.segue.plugin.server.http.internal.music.BadInputException;
import org.segue.plugin.server.http.internal.music.MixDtos;
import org.segue.plugin.server.http.internal.music.Mixes;
import org.segue.plugin.server.http.internal.music.Recommendations;
import org.segue.plugin.server.http.internal.music.TooLargeException;
import org.segue.plugin.server.http.internal.music.TrackDtos;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;
import org.segue.plugin.server.http.internal.music.TrackImporter;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Call;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;

/**
 * The music part of the api (library, analysis, audio, recommendations, mixes) over the plain
 * services of the {@code music} package: each request gets the caller's own library and data
 * folder, so every id is looked up among the caller's things only. The music services' failures
 * become problems here: bad input 400 with its field, too large 413, unknown id 404.
 */
public final class MusicApi {

    /** The services the routes need, bound by {@code MusicServices} in the server. */
    public interface Services {
        TrackImporter importer();

        AudioOpener opener();

        Recommendations recommendations();

        Mixes mixes();

        List<StyleInfo> styles();

        List<EffectDescriptor> effects();

        /** A DJ style as {@code /api/styles} lists it. */
        record StyleInfo(String id, String name, String description) {
        }
    }

    /**
     * Where the routes report what users do (plays, likes, transition ratings, rendered mixes) for
     * badges, challenges and analytics. Called after the request succeeded; never fails it.
     */
    public interface Recorder {
        /** Records nothing: a server without the play engine. */
        Recorder NONE = new Recorder() {
            @Override
            public void feedback(String user, TrackDto track, String kind) {
            }

            @Override
            public void mixRendered(String user, MixDtos.PlanDto plan, MixDtos.MixDto mix) {
            }
        };

        /** A feedback of {@code POST /api/feedback} on one of the user's tracks. */
        void feedback(String user, TrackDto track, String kind);

        /** A mix the user rendered from {@code plan}. */
        void mixRendered(String user, MixDtos.PlanDto plan, MixDtos.MixDto mix);
    }

    /** The caller's library. */
    @FunctionalInterface
    public interface Libraries {
        /** @throws ApiException 503 when the library is not available */
        TrackLibrary of(String username);
    }

    final Services services;
    final Libraries libraries;
    final Function<String, Path> userFolders;
    final JobManager jobs;
    final long maxUploadBytes;
    final List<Path> importRoots;
    /**
     * Track bodies by user, id and content hash. Making one decodes the track's whole stored
     * analysis (beats, curves, chords: tens of kilobytes of JSON) for four numbers; search pages
     * would otherwise do that for every track of every page. A changed file has a new hash; a
     * re-analysis of the same file shows after a restart. Bounded by clearing, not LRU, so reads
     * take no lock.
     */
    private final Map<String, TrackDto> dtos = new ConcurrentHashMap<>();
    private static final int MAX_DTOS = 50_000;
    volatile Recorder recorder = Recorder.NONE;

    /**
     * @param userFolders a user's data folder, {@code DATA/users/<name>}
     * @param importRoots server folders admins may import from
     */
    public MusicApi(Services services, Libraries libraries, Function<String, Path> userFolders, JobManager jobs,
            long maxUploadBytes, List<Path> importRoots) {
        this.services = services;
        this.libraries = libraries;
        this.userFolders = userFolders;
        this.jobs = jobs;
        this.maxUploadBytes = maxUploadBytes;
        this.importRoots = List.copyOf(importRoots);
    }

    /** Reports plays, likes, ratings and rendered mixes to {@code r}; before {@link #register}. */
    public MusicApi recordingTo(Recorder r) {
        this.recorder = r;
        return this;
    }

    /** Adds every music route. */
    public void register(Router r) {
        new LibraryRoutes(this).register(r);
        new MixRoutes(this).register(r);
    }

    TrackDto dto(Call c, TrackLibrary lib, Track t) {
        String key = c.user().username() + '\n' + t.id().value() + '\n' + t.contentHash();
        TrackDto d = dtos.get(key);
        if (d == null) {
            d = TrackDtos.track(t, lib.analysis(t.id()));
            if (dtos.size() >= MAX_DTOS) {
                dtos.clear();
            }
            dtos.put(key, d);
        }
        return d;
    }

    TrackLibrary library(Call c) {
        return libraries.of(c.user().username());
    }

    Path folder(Call c) {
        return userFolders.apply(c.user().username());
    }

    /** Wraps a handler so the music services' exceptions become problems. */
    static Router.Handler guarded(Router.Handler h) {
        return c -> {
            try {
                return h.handle(c);
            } catch (RuntimeException e) {
                throw translate(e);
            }
        };
    }

    /** Wraps job work the same way, so a failed job's error carries the right status and field. */
    static JobWork guardedWork(JobWork w) {
        return control -> {
            try {
                return w.run(control);
            } catch (RuntimeException e) {
                throw translate(e);
            }
        };
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof ApiException) {
            return e;
        }
        if (e instanceof TooLargeException t) {
            return ApiException.tooLarge(t.getMessage());
        }
        if (e instanceof BadInputException b) {
            return new ApiException(400, "Bad request", b.getMessage(), b.field(), null);
        }
        if (e instanceof NoSuchElementException n) {
            return new ApiException(404, "Not found", n.getMessage() == null ? "not found" : n.getMessage());
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null
                && u.getCause().getCause() instanceof ApiException api) {
            return api;
        }
        return e;
    }

    /** The request body, failing with 413 past the upload limit. */
    InputStream upload(Call c) throws IOException {
        return c.limitedBody(maxUploadBytes);
    }
}
