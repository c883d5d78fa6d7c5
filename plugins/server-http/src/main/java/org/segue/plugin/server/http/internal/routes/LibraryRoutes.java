package org.segue.plugin.server.http.internal.routes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.segue.api.library.FacetCount;
import org.segue.api.library.Range;
import org.segue.api.library.SearchResult;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;
import org.segue.plugin.server.http.internal.jobs.JobRoutes;
import org.segue.plugin.server.http.internal.music.AudioExport;
import org.segue.plugin.server.http.internal.music.TrackDtos;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;
import org.segue.plugin.server.http.internal.music.TrackImporter;
import org.segue.plugin.server.http.internal.music.Waveforms;
import org.segue.plugin.server.http.internal.web.Access;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Call;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;

/** {@code /api/tracks…}, {@code /api/imports}, {@code /api/recommend…} and {@code /api/feedback}. */
final class LibraryRoutes {

    static final int MAX_PAGE = 500;
    private static final Pattern CAMELOT = Pattern.compile("(?:[1-9]|1[0-2])[AB]");

    /** A page of tracks with the facets of the whole result. */
    record TrackPage(long total, int offset, List<TrackDto> items, Map<String, List<FacetCount>> facets) {
    }

    record ImportRequest(String folder) {
    }

    record FeedbackRequest(String trackId, String kind, String otherTrackId) {
    }

    private final MusicApi m;

    LibraryRoutes(MusicApi m) {
        this.m = m;
    }

    void register(Router r) {
        r.add("GET", "/api/tracks", Access.USER, MusicApi.guarded(this::search));
        r.add("POST", "/api/tracks", Access.USER, MusicApi.guarded(this::upload));
        r.add("GET", "/api/tracks/{id}", Access.USER, MusicApi.guarded(c -> Reply.ok(m.dto(c, m.library(c), track(c)))));
        r.add("DELETE", "/api/tracks/{id}", Access.USER, MusicApi.guarded(c -> {
            if (!m.services.importer().remove(m.library(c), m.folder(c), new TrackId(c.param("id")))) {
                throw ApiException.notFound("track " + c.param("id"));
            }
            return Reply.noContent();
        }));
        r.add("GET", "/api/tracks/{id}/analysis", Access.USER, MusicApi.guarded(c -> {
            TrackLibrary lib = m.library(c);
            Track t = track(c);
            return Reply.ok(TrackDtos.analysis(t.id().value(), lib.analysis(t.id())
                    .orElseThrow(() -> ApiException.notFound("analysis of track " + c.param("id")))));
        }));
        r.add("GET", "/api/tracks/{id}/waveform", Access.USER, MusicApi.guarded(c -> {
            int points = c.queryInt("points", 1000, 1, Waveforms.MAX_POINTS);
            Waveforms w = new Waveforms(m.services.opener(), m.folder(c).resolve("cache").resolve("waveforms"));
            return Reply.ok(w.waveform(track(c), points));
        }));
        r.add("GET", "/api/tracks/{id}/audio", Access.USER, MusicApi.guarded(c -> {
            AudioExport export = new AudioExport(m.services.opener(), m.folder(c).resolve("cache").resolve("audio"));
            return FileReplies.file(export.wav(track(c)), "audio/wav", c.request().header("Range"));
        }));
        r.add("POST", "/api/imports", Access.ADMIN, MusicApi.guarded(this::importFolder));
        r.add("GET", "/api/recommenders", Access.USER, c -> Reply.ok(m.services.recommendations().recommenders()));
        r.add("GET", "/api/recommendations", Access.USER, MusicApi.guarded(this::recommend));
        r.add("POST", "/api/feedback", Access.USER, MusicApi.guarded(c -> {
            FeedbackRequest f = c.body(FeedbackRequest.class);
            if (f.trackId() == null || f.trackId().isBlank()) {
                throw ApiException.badField("trackId", "trackId is required");
            }
            m.services.recommendations().feedback(c.user().username(), m.library(c), f.trackId(), f.kind(),
                    f.otherTrackId(), Instant.now());
            TrackLibrary lib = m.library(c);
            lib.track(new TrackId(f.trackId())).ifPresent(t -> m.recorder.feedback(c.user().username(), m.dto(c, lib, t), f.kind()));
            return Reply.noContent();
        }));
    }

    private Track track(Call c) {
        String id = c.param("id");
        if (id.length() > 200) {
            throw ApiException.notFound("track " + id.substring(0, 40) + "…");
        }
        return m.library(c).track(new TrackId(id)).orElseThrow(() -> ApiException.notFound("track " + id));
    }

    private Reply search(Call c) {
        int offset = c.queryInt("offset", 0, 0, 1_000_000);
        int limit = c.queryInt("limit", 50, 1, MAX_PAGE);
        Set<String> keys = new LinkedHashSet<>();
        for (String k : list(c.query("key"))) {
            String key = k.toUpperCase(Locale.ROOT);
            if (!CAMELOT.matcher(key).matches()) {
                throw ApiException.badField("key", "key must be Camelot codes like 8A or 11B, not " + k);
            }
            keys.add(key);
        }
        TrackQuery q = new TrackQuery(c.query("q"), range(c, "bpm", 1, 400), false, keys,
                new LinkedHashSet<>(list(c.query("genre"))), range(c, "energy", 0, 1), offset, limit);
        TrackLibrary lib = m.library(c);
        SearchResult result = lib.search(q);
        List<TrackDto> items = new ArrayList<>();
        for (Track t : result.tracks()) {
            items.add(m.dto(c, lib, t));
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String f : new String[] {SearchResult.GENRE, SearchResult.KEY}) {
            facets.put(f, result.facets().getOrDefault(f, List.of()));
        }
        return Reply.ok(new TrackPage(result.totalHits(), offset, items, facets));
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** {@code 120-128} or {@code 124} within {@code [lo, hi]}, or null when absent. */
    static Range range(Call c, String name, double lo, double hi) {
        String v = c.query(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        String[] parts = v.trim().split("-", -1);
        try {
            double a = Double.parseDouble(parts[0]);
            double b = parts.length == 1 ? a : Double.parseDouble(parts[1]);
            if (parts.length > 2 || a > b || a < lo || b > hi) {
                throw new NumberFormatException();
            }
            return new Range(a, b);
        } catch (NumberFormatException e) {
            throw ApiException.badField(name, name + " must be a value or a range like " + (hi > 1 ? "120-128" : "0.5-1")
                    + " within " + lo + ".." + hi + ", not " + v);
        }
    }

    private Reply upload(Call c) throws Exception {
        String filename = c.query("filename");
        if (filename == null || filename.isBlank()) {
            throw ApiException.badField("filename", "the query parameter filename names the uploaded file, e.g. ?filename=a.flac");
        }
        TrackLibrary lib = m.library(c);
        Path folder = m.folder(c);
        TrackImporter importer = m.services.importer();
        Path stored = importer.receiveUpload(folder, filename, m.upload(c), m.maxUploadBytes);
        var job = m.jobs.submit(c.user().username(), "analyse", MusicApi.guardedWork(control -> importer.importUpload(lib,
                stored, filename, p -> control.progress(p, "analysing " + filename), control::cancelled)));
        return JobRoutes.accepted(job);
    }

    private Reply importFolder(Call c) throws Exception {
        ImportRequest req = c.body(ImportRequest.class);
        if (m.importRoots.isEmpty()) {
            throw ApiException.badField("folder", "no import roots are configured (importRoots of org.segue.server)");
        }
        Path folder = TrackImporter.folderUnder(m.importRoots, req.folder());
        TrackLibrary lib = m.library(c);
        var job = m.jobs.submit(c.user().username(), "import", MusicApi.guardedWork(control -> m.services.importer()
                .importFolder(lib, folder, p -> control.progress(p, "importing " + folder), control::cancelled)));
        return JobRoutes.accepted(job);
    }

    private Reply recommend(Call c) {
        List<String> seeds = new ArrayList<>();
        for (String s : c.request().query().getOrDefault("seed", List.of())) {
            seeds.addAll(list(s));
        }
        String limit = c.query("limit");
        Integer n = limit == null || limit.isBlank() ? null : c.queryInt("limit", 10, 1, 100);
        TrackLibrary lib = m.library(c);
        return Reply.ok(m.services.recommendations().recommend(c.user().username(), lib, seeds,
                c.query("context"), c.query("strategy"), n, t -> m.dto(c, lib, t)));
    }
}
