package org.segue.plugin.mix.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioOpener;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixRequest;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetPlanner;
import org.segue.api.mix.SetTrack;
import org.segue.api.style.TransitionPlan;
import org.segue.support.usage.PluginUsage;

/**
 * From files to a {@link MixPlan}: analyse (in parallel), order the set, cut it to length, plan each
 * transition. The set planner's and the styles' time goes to a {@link PluginUsage}; the analysis
 * service records its own plugins.
 */
final class MixPlanner {

    /** Typical overlap of two tracks, used only to estimate the length when cutting a set to a maximum. */
    static final double TYPICAL_OVERLAP_SECONDS = 30;

    private MixPlanner() {
    }

    static MixPlan plan(List<Path> files, MixRequest request, AnalysisService analysis, AudioOpener opener,
            SetPlanner planner, String plannerId, List<StyleChooser.Entry> styles, PluginUsage usage) throws IOException {
        List<SetTrack> tracks = analyse(files, analysis, opener);
        SetOrder order;
        long start = System.nanoTime();
        try {
            order = planner.order(tracks, request.set());
            usage.add(planner.getClass(), null, System.nanoTime() - start, true);
        } catch (RuntimeException e) {
            usage.add(planner.getClass(), null, System.nanoTime() - start, false);
            throw new IllegalStateException("the set planner " + plannerId + " failed: " + e.getMessage(), e);
        }
        order = cut(order, request.maxMinutes());
        List<TransitionPlan> transitions = new ArrayList<>();
        for (int i = 0; i + 1 < order.tracks().size(); i++) {
            SetTrack out = order.tracks().get(i);
            SetTrack in = order.tracks().get(i + 1);
            double targetBpm = in.analysis().get(StandardResults.TEMPO).map(Tempo::bpm).orElse(MixTrack.DEFAULT_BPM);
            // The planner's shift is the incoming track's, against its own key; it holds for the
            // whole time that track plays.
            double pitch = order.transitions().get(i).pitchShiftSemitones();
            transitions.add(StyleChooser.plan(styles, request.styleId(), out.analysis(), in.analysis(), targetBpm, pitch,
                    usage));
        }
        return new MixPlan(order, transitions);
    }

    private static List<SetTrack> analyse(List<Path> files, AnalysisService analysis, AudioOpener opener)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<TrackReport>> reports = new ArrayList<>();
            for (Path f : files) {
                reports.add(pool.submit(() -> analysis.analyze(f)));
            }
            List<SetTrack> tracks = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                TrackReport r;
                try {
                    r = reports.get(i).get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(files.get(i) + ": " + e.getCause(), e.getCause());
                }
                tracks.add(new SetTrack(r.contentHash(), files.get(i), r.results(), opener.tags(files.get(i))));
            }
            return tracks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while analysing", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first tracks of the order whose estimated mix length fits {@code maxMinutes} (all for 0). */
    static SetOrder cut(SetOrder order, double maxMinutes) {
        if (maxMinutes <= 0) {
            return order;
        }
        double length = 0;
        int keep = 0;
        for (SetTrack t : order.tracks()) {
            double next = length + t.analysis().durationSeconds() - (keep == 0 ? 0 : TYPICAL_OVERLAP_SECONDS);
            if (keep >= 2 && next > maxMinutes * 60) {
                break;
            }
            length = next;
            keep++;
        }
        return new SetOrder(order.tracks().subList(0, keep), order.transitions().subList(0, Math.max(0, keep - 1)),
                order.score(), order.planner());
    }
}
