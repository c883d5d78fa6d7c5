package org.segue.plugin.server.http.internal.music;

import org.segue.support.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;
import org.segue.api.mix.MixEngine;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixRequest;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.RenderOptions;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetRequest;
import org.segue.api.mix.SetTrack;
import org.segue.api.mix.TransitionScore;
import org.segue.api.style.TransitionPlan;
import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.MixFiles;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanRequest;
import org.segue.plugin.server.http.internal.music.MixDtos.TracklistEntry;
import org.segue.plugin.server.http.internal.music.MixDtos.TransitionDto;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;

/**
 * A user's mixes: plans made with the mix engine (its set planner and DJ styles) from library
 * tracks, kept as JSON; renders of a plan into a mix folder (audio, cue sheet, tracklist, timeline
 * picture and the {@code Mix} record). Previews of one transition are {@link Previews}.
 *
 * <p>Everything lives under the user's data folder: {@code plans/<id>.json}, {@code mixes/<id>/}. A mix is rendered into a hidden folder renamed into place when complete,
 * so a listed mix always has all its files, and a cancelled or failed render leaves nothing.
 * Unknown ids throw {@link NoSuchElementException}; bad requests {@link BadInputException}.
 */
public final class Mixes {

    /** Loudness every track of a mix is normalised to, and the master's true-peak ceiling. */
    static final double TARGET_LUFS = -14;
    static final double CEILING_DBTP = -1;
    static final int SAMPLE_RATE = 44100;

    static final String MIXES = "mixes";
    static final String AUDIO = "mix.wav";
    static final String RECORD = "record.json";

    private final MixEngine engine;
    private final AnalysisService analysis;
    private final Supplier<Collection<String>> styleIds;
    private final Clock clock;
    private final PlanStore plans;

    /**
     * @param styleIds the ids of the installed DJ styles, asked on each plan request to check the one asked for
     */
    public Mixes(MixEngine engine, AnalysisService analysis, Supplier<Collection<String>> styleIds, Clock clock) {
        this.plans = new PlanStore();
        this.engine = Objects.requireNonNull(engine, "engine");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.styleIds = Objects.requireNonNull(styleIds, "styleIds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Plans a mix of library tracks and stores the plan.
     *
     * @throws BadInputException naming the field: {@code tracks} (unknown, unmixable, fewer than
     *     two, or both tracks and all), {@code style}, {@code arc}, {@code minutes}
     * @throws IOException when a track's audio cannot be read; the message names it
     */
    public PlanDto plan(TrackLibrary library, Path userFolder, PlanRequest request) throws IOException {
        String style = request.style() == null || request.style().equals("auto") ? null : request.style();
        if (style != null && !styleIds.get().contains(style)) {
            throw new BadInputException("style", "no DJ style '" + style + "' is installed; use auto or one of "
                    + String.join(", ", styleIds.get()));
        }
        String arcWord = request.arc() == null ? "peak" : request.arc();
        SetRequest set = new SetRequest(MixDtos.arc(arcWord), 0, null, 1);
        double minutes = request.minutes() == null ? 0 : request.minutes();
        if (!(minutes >= 0 && minutes <= 24 * 60)) {
            throw new BadInputException("minutes", "minutes must be within 0..1440 (0: no limit): " + request.minutes());
        }
        Map<Path, Track> byFile = tracks(library, request);
        MixPlan planned = engine.plan(List.copyOf(byFile.keySet()), new MixRequest(set, style, minutes));
        MixPlan plan = withLibraryIds(planned, byFile);
        double[] times = MixDtos.estimateTimes(plan);
        List<TrackDto> tracks = new ArrayList<>();
        for (SetTrack t : plan.order().tracks()) {
            TrackId id = new TrackId(t.id());
            tracks.add(TrackDtos.track(library.track(id).orElseThrow(), library.analysis(id)));
        }
        List<TransitionDto> transitions = new ArrayList<>();
        for (int i = 0; i < plan.transitions().size(); i++) {
            TransitionPlan p = plan.transitions().get(i);
            TransitionScore why = plan.order().transitions().get(i);
            transitions.add(new TransitionDto(i, why.fromId(), why.toId(), p.styleId(), times[i], MixDtos.lengthSeconds(p),
                    why.total(), p.explanation() + " Why next: " + why.explanation()));
        }
        PlanDto dto = new PlanDto(Ids.next(), clock.instant().toString(), style == null ? "auto" : style, arcWord, tracks,
                transitions, times[times.length - 1]);
        plans.save(userFolder, dto, plan);
        return dto;
    }

    /** A preview service for this service's plans. */
    public Previews previews() {
        return new Previews(engine, analysis, plans);
    }

    /** A stored plan. */
    public PlanDto plan(Path userFolder, String planId) throws IOException {
        return plans.dto(userFolder, planId);
    }

    /** The tracks a request names, by audio file, one per content (the planner needs distinct tracks). */
    private static Map<Path, Track> tracks(TrackLibrary library, PlanRequest request) {
        boolean all = Boolean.TRUE.equals(request.all());
        boolean listed = request.tracks() != null && !request.tracks().isEmpty();
        if (all == listed) {
            throw new BadInputException("tracks", all ? "give tracks or all, not both" : "give tracks (ids) or all: true");
        }
        Map<Path, Track> byFile = new LinkedHashMap<>();
        Set<String> contents = new LinkedHashSet<>();
        if (listed) {
            for (String id : new LinkedHashSet<>(request.tracks())) {
                Track t = library.track(new TrackId(id == null || id.isBlank() ? "?" : id))
                        .orElseThrow(() -> new BadInputException("tracks", "no track " + id + " in your library"));
                if (!mixable(t)) {
                    throw new BadInputException("tracks", "track " + id + " cannot be mixed (" + t.source().service()
                            + (t.source().mixable() ? " audio is not on this server)" : " licence does not allow it)"));
                }
                if (t.contentHash() == null || contents.add(t.contentHash())) {
                    byFile.put(Path.of(t.location()).toAbsolutePath().normalize(), t);
                }
            }
        } else {
            for (int offset = 0; ; offset += TrackQuery.MAX_LIMIT) {
                List<Track> page = library.search(new TrackQuery("", null, false, null, null, null, offset,
                        TrackQuery.MAX_LIMIT)).tracks();
                for (Track t : page) {
                    if (mixable(t) && (t.contentHash() == null || contents.add(t.contentHash()))) {
                        byFile.put(Path.of(t.location()).toAbsolutePath().normalize(), t);
                    }
                }
                if (page.size() < TrackQuery.MAX_LIMIT) {
                    break;
                }
            }
        }
        if (byFile.size() < 2) {
            throw new BadInputException("tracks", "a mix needs at least two different mixable tracks; found " + byFile.size());
        }
        return byFile;
    }

    private static boolean mixable(Track t) {
        return t.source().mixable() && "file".equals(t.location().getScheme());
    }

    /**
     * The engine names tracks by content hash; the API and the user's other data by library id.
     * The set's tracks and scores are renamed, and take the library's tags (with the titles given
     * on import) for the cue sheet and tracklist.
     */
    private static MixPlan withLibraryIds(MixPlan plan, Map<Path, Track> byFile) {
        Map<String, String> rename = new HashMap<>();
        List<SetTrack> tracks = new ArrayList<>();
        for (SetTrack t : plan.order().tracks()) {
            Track lib = byFile.get(t.file().toAbsolutePath().normalize());
            if (lib == null) {
                throw new IllegalStateException("the mix engine planned a file it was not given: " + t.file());
            }
            rename.put(t.id(), lib.id().value());
            tracks.add(new SetTrack(lib.id().value(), t.file(), new TrackAnalysis(lib.id().value(), t.analysis()), lib.tags()));
        }
        List<TransitionScore> why = plan.order().transitions().stream().map(s -> new TransitionScore(
                rename.getOrDefault(s.fromId(), s.fromId()), rename.getOrDefault(s.toId(), s.toId()), s.harmonic(),
                s.tempo(), s.energy(), s.variety(), s.total(), s.pitchShiftSemitones(), s.explanation())).toList();
        return new MixPlan(new SetOrder(tracks, why, plan.order().score(), plan.order().planner()), plan.transitions());
    }

    /**
     * Renders a stored plan into a new mix.
     *
     * @param progress the share done, 0..1
     * @param cancelled polled while rendering; when true the render stops with a
     *     {@link CancellationException} and leaves no files
     */
    public MixDto render(Path userFolder, String planId, DoubleConsumer progress, BooleanSupplier cancelled)
            throws IOException {
        PlanDto dto = plans.dto(userFolder, planId);
        TrackImporter.checkCancelled(cancelled);
        MixPlan plan = plans.plan(userFolder, planId, analysis);
        String id = Ids.next();
        Path folder = userFolder.resolve(MIXES).resolve(id);
        Path partial = userFolder.resolve(MIXES).resolve("." + id + ".part");
        Files.createDirectories(partial);
        try {
            MixResult result = engine.render(plan, new RenderOptions(partial.resolve(AUDIO), SAMPLE_RATE, TARGET_LUFS,
                    CEILING_DBTP), share -> {
                        // The engine reports from its render loop: throwing here stops it, and it
                        // deletes its temporary file on the way out.
                        TrackImporter.checkCancelled(cancelled);
                        progress.accept(share);
                    });
            Map<String, TrackDto> tracks = new HashMap<>();
            dto.tracks().forEach(t -> tracks.put(t.id(), t));
            List<TracklistEntry> list = result.sections().stream().map(s -> new TracklistEntry(s.startSeconds(), s.trackId(),
                    tracks.containsKey(s.trackId()) ? tracks.get(s.trackId()).title() : s.title(),
                    tracks.containsKey(s.trackId()) ? tracks.get(s.trackId()).artist() : null)).toList();
            withoutServerPaths(partial.resolve("mix.json"));
            MixDto mix = new MixDto(id, planId, clock.instant().toString(), result.durationSeconds(), TARGET_LUFS, list,
                    MixFiles.of(id));
            byte[] record = plans.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(mix);
            AtomicFiles.write(partial.resolve(RECORD), tmp -> Files.write(tmp, record));
            AtomicFiles.move(partial, folder);
            return mix;
        } finally {
            AtomicFiles.deleteTree(partial);
        }
    }

    /** The user's mixes, newest first. */
    public List<MixDto> mixes(Path userFolder) throws IOException {
        Path folder = userFolder.resolve(MIXES);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<MixDto> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                try {
                    all.add(mix(userFolder, p.getFileName().toString()));
                } catch (NoSuchElementException skipped) {
                    // not a mix folder
                }
            }
        }
        all.sort(Comparator.comparing(MixDto::createdAt).reversed());
        return all;
    }

    public MixDto mix(Path userFolder, String mixId) throws IOException {
        Path record = mixFolder(userFolder, mixId).resolve(RECORD);
        try {
            return plans.mapper().readValue(record.toFile(), MixDto.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new NoSuchElementException("no mix " + mixId);
        }
    }

    /**
     * One of a mix's files.
     *
     * @param which {@code audio}, {@code cue}, {@code tracklist} or {@code timeline}
     */
    public Path mixFile(Path userFolder, String mixId, String which) {
        String name = switch (which) {
            case "audio" -> AUDIO;
            case "cue" -> "mix.cue";
            case "tracklist" -> "mix.json";
            case "timeline", "timeline.svg" -> "mix.svg";
            default -> throw new NoSuchElementException("no file " + which + " of a mix");
        };
        Path file = mixFolder(userFolder, mixId).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchElementException("no mix " + mixId);
        }
        return file;
    }

    /** Deletes a mix and its files; false when there was none. */
    public boolean delete(Path userFolder, String mixId) throws IOException {
        Path folder = mixFolder(userFolder, mixId);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        // Renamed away first, so the mix disappears from lists at once even if deleting its files takes a while.
        Path doomed = folder.resolveSibling("." + mixId + ".deleted");
        AtomicFiles.move(folder, doomed);
        AtomicFiles.deleteTree(doomed);
        return true;
    }

    /**
     * The engine's tracklist names each track's file, which on a server is a path of the server's
     * disk; the user downloads the tracklist, so the paths are taken out (the track ids stay).
     */
    private void withoutServerPaths(Path tracklist) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = plans.mapper().readTree(tracklist.toFile());
        for (com.fasterxml.jackson.databind.JsonNode t : root.path("tracks")) {
            if (t instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                o.remove("file");
            }
        }
        byte[] bytes = plans.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(tracklist, tmp -> Files.write(tmp, bytes));
    }

    private static Path mixFolder(Path userFolder, String mixId) {
        return userFolder.resolve(MIXES).resolve(Ids.check(mixId, "mix"));
    }
}
