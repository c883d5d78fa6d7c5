package org.segue.plugin.cli.mix.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.segue.api.analysis.StandardResults;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.SetTrack;
import org.segue.api.style.TransitionPlan;

/** The tracklist and transitions in words, as a DJ would write them down. */
final class PlanPrinter {

    private PlanPrinter() {
    }

    static void print(PrintStream out, MixPlan plan, List<MixResult.Section> sections) {
        List<SetTrack> tracks = plan.order().tracks();
        for (int i = 0; i < tracks.size(); i++) {
            SetTrack t = tracks.get(i);
            String bpm = t.analysis().get(StandardResults.TEMPO).map(v -> String.format(Locale.ROOT, "%.1f bpm", v.bpm())).orElse("? bpm");
            String key = t.analysis().get(StandardResults.KEY).map(k -> k.key().camelot()).orElse("?");
            String at = sections == null ? "" : time(sections.get(i).startSeconds()) + "  ";
            out.printf(Locale.ROOT, "%s%2d. %-36s %10s  %4s%n", at, i + 1, t.displayName(), bpm, key);
            if (i + 1 < tracks.size()) {
                TransitionPlan p = plan.transitions().get(i);
                out.printf(Locale.ROOT, "      ↳ %s, %d bars%s: %s%n", p.styleId(), p.lengthBars(),
                        p.beatMatched() ? ", beat-matched" : "", p.explanation());
                out.printf("        why next: %s%n", plan.order().transitions().get(i).explanation());
            }
        }
    }

    static String time(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
