package org.segue.plugin.cli.mix.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.segue.api.play.EventLog;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;
import org.segue.api.command.SegueCommand;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.audio.AudioOpener;
import org.segue.api.mix.MixEngine;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.RenderOptions;

/**
 * {@code segue mix <files or folders> -o mix.wav [--style ID] [--arc club|rising|falling|steady|wave]
 * [--minutes N] [--pitch N] [--lufs L] [--seed N] [--save-plan plan.json]}: plans and renders a
 * continuous DJ mix, with a cue sheet, a tracklist and a timeline picture beside it. The plan can be
 * saved as JSON, edited, and rendered with {@code --plan plan.json}.
 */
@Component
@SegueCommand(name = "mix", summary = "Renders a beat-matched DJ mix of a folder of tracks")
public class MixCommand implements Command {

    static final String USAGE_TEXT = "usage: segue mix <files or folders> -o mix.wav|mix.flac [--style ID] "
            + "[--arc club|rising|falling|steady|wave] [--minutes N] [--pitch SEMITONES] [--lufs L] [--seed N] "
            + "[--save-plan plan.json] [--user U] | segue mix --plan plan.json -o mix.wav";

    @Reference
    MixEngine engine;
    @Reference
    AnalysisService analysis;
    @Reference
    AudioOpener opener;

    /** Where a made mix is told to badges and challenges; optional, the mix does not depend on it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog events;

    @Override
    public int run(CommandContext ctx) throws Exception {
        MixOptions o;
        try {
            o = MixOptions.parse(ctx.arguments());
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue mix: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        if ((o.inputs.isEmpty() && o.plan == null) || o.output == null) {
            ctx.err().println(USAGE_TEXT);
            return USAGE;
        }
        ctx.err().println(o.plan == null ? "Analysing and planning…" : "Loading the plan " + o.plan + "…");
        MixPlan plan;
        try {
            plan = o.plan(ctx.workingDirectory(), engine, analysis, opener);
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue mix: " + e.getMessage());
            return FAILURE;
        }
        if (o.savePlan != null) {
            PlanFiles.save(plan, ctx.workingDirectory().resolve(o.savePlan));
        }
        RenderOptions options = new RenderOptions(ctx.workingDirectory().resolve(o.output), 44100, o.lufs, -1);
        MixResult result;
        try (Progress progress = ctx.progress("Rendering", 1000)) {
            long[] shown = {0};
            result = engine.render(plan, options, share -> {
                long now = Math.round(share * 1000);
                if (now > shown[0]) {
                    progress.advance(now - shown[0]);
                    shown[0] = now;
                }
            });
        }
        EventLog log = events;
        if (log != null) {
            try {
                log.record(MixEvents.created(o.user, plan, result, java.time.Instant.now()));
            } catch (RuntimeException e) {
                ctx.err().println("warning: the mix was not recorded for badges and challenges: " + e.getMessage());
            }
        }
        PlanPrinter.print(ctx.out(), plan, result.sections());
        ctx.out().printf("%nmix: %s (%s)%ncue sheet: %s%ntracklist: %s%ntimeline: %s%n", result.audio(),
                PlanPrinter.time(result.durationSeconds()), result.cueSheet(), result.tracklist(), result.timeline());
        return OK;
    }
}
