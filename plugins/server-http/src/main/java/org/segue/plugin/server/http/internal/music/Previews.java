package org.segue.plugin.server.http.internal.music;

import org.segue.support.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.mix.MixEngine;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.RenderOptions;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PreviewResult;

/**
 * Previews of one transition of a stored plan, a few bars either side, rendered by the mix engine
 * exactly as the full mix will play it, each in {@code previews/<id>/preview.wav} of the user's
 * data folder. Previews are disposable: {@link #deleteOlderThan} clears old ones.
 */
public final class Previews {

    static final String FOLDER = "previews";
    static final String AUDIO = "preview.wav";

    private final MixEngine engine;
    private final AnalysisService analysis;
    private final PlanStore plans;

    Previews(MixEngine engine, AnalysisService analysis, PlanStore plans) {
        this.engine = engine;
        this.analysis = analysis;
        this.plans = plans;
    }

    /**
     * Renders transition {@code index} of a stored plan (as numbered in the plan, from 0).
     *
     * @param cancelled polled before rendering starts (a preview takes seconds and is not stopped midway)
     * @throws NoSuchElementException when the plan or the transition does not exist
     */
    public PreviewResult preview(Path userFolder, String planId, int index, BooleanSupplier cancelled) throws IOException {
        PlanDto dto = plans.dto(userFolder, planId);
        if (index < 0 || index >= dto.transitions().size()) {
            throw new NoSuchElementException("no transition " + index + " in plan " + planId + " (it has "
                    + dto.transitions().size() + ", numbered from 0)");
        }
        TrackImporter.checkCancelled(cancelled);
        MixPlan plan = plans.plan(userFolder, planId, analysis);
        TrackImporter.checkCancelled(cancelled);
        String id = Ids.next();
        Path folder = userFolder.resolve(FOLDER).resolve(id);
        Files.createDirectories(folder);
        try {
            MixResult r = engine.preview(plan, index, new RenderOptions(folder.resolve(AUDIO), Mixes.SAMPLE_RATE,
                    Mixes.TARGET_LUFS, Mixes.CEILING_DBTP));
            return new PreviewResult(id, "/api/previews/" + id + "/audio", r.durationSeconds());
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteTree(folder);
            throw e;
        }
    }

    /** The audio of a preview. */
    public Path audio(Path userFolder, String previewId) {
        Path file = userFolder.resolve(FOLDER).resolve(Ids.check(previewId, "preview")).resolve(AUDIO);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchElementException("no preview " + previewId);
        }
        return file;
    }

    /**
     * Deletes the previews last written before a time (a housekeeping task calls it).
     *
     * @return how many were deleted
     */
    public int deleteOlderThan(Path userFolder, Instant before) throws IOException {
        Path folder = userFolder.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    AtomicFiles.deleteTree(p);
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
