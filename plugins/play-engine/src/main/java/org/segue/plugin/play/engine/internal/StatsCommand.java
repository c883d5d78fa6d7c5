package org.segue.plugin.play.engine.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.PlayStatistics.PluginAnalytics;
import org.segue.api.play.PlayStatistics.UserAnalytics;

/**
 * {@code segue stats [--user U]}: the user's listening and mixing numbers and every plugin's usage,
 * failures and latency, as text tables (charts come with the web UI).
 */
@Component
@SegueCommand(name = "stats", summary = "Your listening and mixing statistics, and the plugins' usage, failures and latency")
public class StatsCommand implements Command {
    static final String USAGE_TEXT = "usage: segue stats [--user U]";

    @Reference
    PlayEngine engine;

    @Override
    public int run(CommandContext ctx) {
        Options o = Options.userOnly(ctx, "stats", USAGE_TEXT);
        if (o == null) {
            return USAGE;
        }
        String user = o.user();
        String text = render(engine.statistics().userAnalytics(user, 5), engine.statistics().pluginAnalytics());
        ctx.out().print(text);
        return OK;
    }

    static String render(UserAnalytics u, List<PluginAnalytics> plugins) {
        StringBuilder b = new StringBuilder();
        if (u.mixes() == 0 && u.transitionsKept() == 0 && u.transitionsSkipped() == 0 && u.mostPlayed().isEmpty()
                && u.months().isEmpty()) {
            b.append("no listening or mixing recorded for ").append(u.userId()).append('\n');
        } else {
            b.append("user ").append(u.userId()).append(": ").append(u.mixes()).append(" mixes, transitions kept ")
                    .append(u.transitionsKept()).append(", skipped ").append(u.transitionsSkipped()).append('\n');
            b.append("most played:\n");
            for (PlayStatistics.Count c : u.mostPlayed()) {
                b.append(String.format("  %5d  %s%n", c.count(), c.value()));
            }
            if (!u.energyCurve().isEmpty()) {
                b.append("energy across a set (mean of ").append(u.energySets()).append(" sets, start to end):");
                for (double c : u.energyCurve()) {
                    b.append(' ').append(Format.number(c, 2));
                }
                b.append('\n');
            }
            if (!u.months().isEmpty()) {
                b.append(String.format("%-8s %-9s %s%n", "month", "mean bpm", "top key"));
                for (PlayStatistics.MonthStats m : u.months()) {
                    b.append(String.format("%-8s %-9s %s%n", m.month(), Format.number(m.meanBpm(), 1),
                            m.keys().isEmpty() ? "-" : m.keys().get(0).value()));
                }
            }
        }
        if (!plugins.isEmpty()) {
            b.append(String.format("%-40s %8s %8s %9s %9s  %s%n", "plugin", "uses", "failures", "mean ms", "p95 <= ms", "last failure"));
            for (PluginAnalytics p : plugins) {
                b.append(String.format("%-40s %8d %8d %9s %9s  %s%n", p.plugin(), p.uses(), p.failures(),
                        Format.number(p.meanMillis(), 1), Format.number(p.p95Millis(), 0), p.lastFailure()));
            }
        }
        return b.toString();
    }
}
