package org.segue.plugin.mix.engine.internal;

import org.segue.support.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleConsumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.audio.AudioOpener;
import org.segue.api.effect.Effect;
import org.segue.api.mix.MixEngine;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixRequest;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.RenderOptions;
import org.segue.api.mix.SetPlanner;
import org.segue.api.mix.TimeStretcher;
import org.segue.api.play.EventLog;
import org.segue.api.style.DjStyle;
import org.segue.api.style.TransitionPlan;
import org.segue.support.usage.PluginUsage;
import org.segue.support.usage.UsageRecorder;

/**
 * Segue's {@link MixEngine}: the planner, styles, effects and stretcher that are installed, put to work.
 *
 * <p>When an {@link EventLog} is present, each plan and each render (or preview) records one batch
 * of {@code plugin.used} events under the host user, one per plugin and component that worked, with
 * its summed time and whether any of its calls failed: a plan names the set planner and the styles
 * that planned transitions; a render names the time-stretcher, the decoders and each effect that
 * processed audio. A style's code runs only when it plans, so it is counted there, once, however
 * often the plan is previewed or rendered (a plan the server saved and renders later included).
 */
@Component(service = MixEngine.class)
public class MixEngineComponent implements MixEngine {

    /** Bars of context either side of a previewed transition. */
    static final int PREVIEW_BARS = 4;

    @Reference
    AnalysisService analysis;
    @Reference
    AudioOpener opener;
    @Reference(policyOption = ReferencePolicyOption.GREEDY)
    volatile SetPlanner planner;
    @Reference(policyOption = ReferencePolicyOption.GREEDY)
    volatile TimeStretcher stretcher;

    /** Optional: Segue mixes without the play bundles; greedy, so a log installed later is used. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog events;
    Clock clock = Clock.systemUTC();
    private final UsageRecorder usage = new UsageRecorder("mixing", message ->
            System.getLogger(MixEngineComponent.class.getName()).log(System.Logger.Level.WARNING, message));

    private final List<StyleChooser.Entry> styles = new CopyOnWriteArrayList<>();
    private final Map<String, Effect> effects = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStyle(DjStyle style, Map<String, Object> properties) {
        styles.add(new StyleChooser.Entry(String.valueOf(properties.getOrDefault(DjStyle.ID, style.getClass().getName())), style));
    }

    void removeStyle(DjStyle style) {
        styles.removeIf(e -> e.style() == style);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEffect(Effect effect, Map<String, Object> properties) {
        effects.put(String.valueOf(properties.getOrDefault(Effect.ID, effect.descriptor().id())), effect);
    }

    void removeEffect(Effect effect) {
        effects.values().removeIf(e -> e == effect);
    }

    @Override
    public MixPlan plan(List<Path> files, MixRequest request) throws IOException {
        List<StyleChooser.Entry> sorted = new ArrayList<>(styles);
        sorted.sort(Comparator.comparing(StyleChooser.Entry::id));
        PluginUsage work = new PluginUsage();
        try {
            return MixPlanner.plan(files, request, analysis, opener, planner, planner.getClass().getName(), sorted, work);
        } finally {
            usage.record(events, work.events(clock.instant()));
        }
    }

    @Override
    public MixResult render(MixPlan plan, RenderOptions options, DoubleConsumer progress) throws IOException {
        Timeline timeline = timeline(plan);
        return render(plan, timeline, 0, timeline.length(), options, progress);
    }

    @Override
    public MixResult preview(MixPlan plan, int index, RenderOptions options) throws IOException {
        if (index < 0 || index >= plan.transitions().size()) {
            throw new IllegalArgumentException("transition " + (index + 1) + " does not exist: the plan has "
                    + plan.transitions().size());
        }
        Timeline timeline = timeline(plan);
        Timeline.Placed t = timeline.transitions().get(index);
        TransitionPlan p = t.plan;
        double bar = p.beatsPerBar() * 60 / p.tempoRamp().bpmAt(0);
        double from = Math.max(0, t.masterStart - PREVIEW_BARS * bar);
        double to = Math.min(timeline.length(), t.masterEnd + PREVIEW_BARS * bar);
        return render(plan, timeline, from, to, options, null);
    }

    static Timeline timeline(MixPlan plan) {
        List<MixTrack> tracks = new ArrayList<>();
        for (int i = 0; i < plan.order().tracks().size(); i++) {
            double pitch = i == 0 ? 0 : plan.transitions().get(i - 1).incomingPitchShiftSemitones();
            tracks.add(MixTrack.of(plan.order().tracks().get(i), pitch));
        }
        return new Timeline(tracks, plan.transitions());
    }

    /** The target with another extension: {@code mix.wav} → {@code mix.cue}. */
    static Path sibling(Path target, String extension) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return target.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }

    private MixResult render(MixPlan plan, Timeline timeline, double from, double to, RenderOptions options,
            DoubleConsumer progress) throws IOException {
        Path output = options.output().toAbsolutePath();
        boolean flac = output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".flac");
        MixRenderer renderer = new MixRenderer(timeline, opener, stretcher, Map.copyOf(effects), options.sampleRate(),
                options.targetLufs(), options.ceilingDbtp());
        try {
            AtomicFiles.write(output, temporary -> {
                try (MixRenderer.FileSink writer = flac ? new FlacWriter(temporary, options.sampleRate())
                        : new WavWriter(temporary, options.sampleRate(), MixRenderer.BLOCK)) {
                    renderer.render(from, to, writer, progress);
                }
            });
        } finally {
            usage.record(events, renderer.usage().events(clock.instant()));
        }
        double duration = to - from;
        List<MixResult.Section> sections = MixOutputs.sections(timeline, plan, options.targetLufs(), from);
        List<String> notes = new ArrayList<>(timeline.adjustments());
        notes.addAll(renderer.warnings());
        Path cue = sibling(output, ".cue");
        Path tracklist = sibling(output, ".json");
        Path picture = sibling(output, ".svg");
        AtomicFiles.writeString(cue, MixOutputs.cueSheet(output.getFileName().toString(), sections, plan.order().tracks()));
        AtomicFiles.writeString(tracklist, MixOutputs.tracklist(plan, sections, duration, notes));
        AtomicFiles.writeString(picture, MixOutputs.timelineSvg(sections, renderer.energy(), duration, plan));
        // The set as playlists, beside the mix (not in MixResult, whose fields are fixed by the api).
        AtomicFiles.writeString(sibling(output, ".m3u8"), SetExports.m3u8(sections, plan.order().tracks()));
        AtomicFiles.writeString(sibling(output, ".xspf"), SetExports.xspf(sections, plan.order().tracks()));
        return new MixResult(output, cue, tracklist, picture, duration, sections);
    }
}
