package org.segue.plugin.cli.mix.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.audio.AudioOpener;
import org.segue.api.mix.MixEngine;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.RenderOptions;

/**
 * {@code segue preview <files or folders> --transition K -o preview.wav [mix options]}: renders only
 * transition K of the mix the same options would make, with a few bars either side, to hear it
 * before rendering the whole mix.
 */
@Component
@SegueCommand(name = "preview", summary = "Renders one transition of a mix, to hear it before the whole mix")
public class PreviewCommand implements Command {

    @Reference
    MixEngine engine;
    @Reference
    AnalysisService analysis;
    @Reference
    AudioOpener opener;

    @Override
    public int run(CommandContext ctx) throws Exception {
        MixOptions o;
        try {
            o = MixOptions.parse(ctx.arguments());
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue preview: " + e.getMessage());
            return USAGE;
        }
        if ((o.inputs.isEmpty() && o.plan == null) || o.output == null || o.transition < 0) {
            ctx.err().println("usage: segue preview <files or folders> | --plan plan.json  --transition K -o preview.wav [mix options]");
            return USAGE;
        }
        MixPlan plan;
        try {
            plan = o.plan(ctx.workingDirectory(), engine, analysis, opener);
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue preview: " + e.getMessage());
            return FAILURE;
        }
        if (o.transition >= plan.transitions().size()) {
            ctx.err().println("segue preview: the mix has " + plan.transitions().size() + " transitions, not " + (o.transition + 1));
            return USAGE;
        }
        MixResult r = engine.preview(plan, o.transition, new RenderOptions(ctx.workingDirectory().resolve(o.output), 44100, o.lufs, -1));
        var t = plan.transitions().get(o.transition);
        ctx.out().printf("transition %d: %s → %s%n  %s, %d bars: %s%npreview: %s (%.1f s)%n", o.transition + 1,
                plan.order().tracks().get(o.transition).displayName(), plan.order().tracks().get(o.transition + 1).displayName(),
                t.styleId(), t.lengthBars(), t.explanation(), r.audio(), r.durationSeconds());
        return OK;
    }
}
