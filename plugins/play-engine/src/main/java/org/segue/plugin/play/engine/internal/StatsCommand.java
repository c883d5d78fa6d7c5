package org.segue.plugin.play.engine.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;

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
        String text = engine.read(v -> render(user, v.state().analytics()));
        ctx.out().print(text);
        return OK;
    }

    static String render(String user, Analytics analytics) {
        StringBuilder b = new StringBuilder();
        Analytics.User u = analytics.user(user);
        if (u == null) {
            b.append("no listening or mixing recorded for ").append(user).append('\n');
        } else {
            b.append("user ").append(user).append(": ").append(u.mixes).append(" mixes, transitions kept ")
                    .append(u.kept).append(", skipped ").append(u.skipped).append('\n');
            b.append("most played:\n");
            for (Map.Entry<String, Integer> e : u.mostPlayed(5)) {
                b.append(String.format("  %5d  %s%n", e.getValue(), e.getKey()));
            }
            double[] curve = u.energyCurve();
            if (curve.length > 0) {
                b.append("energy across a set (mean of ").append(u.energySets).append(" sets, start to end):");
                for (double c : curve) {
                    b.append(' ').append(Format.number(c, 2));
                }
                b.append('\n');
            }
            if (!u.months.isEmpty()) {
                b.append(String.format("%-8s %-9s %s%n", "month", "mean bpm", "top key"));
                u.months.forEach((m, s) -> b.append(String.format("%-8s %-9s %s%n", m, Format.number(s.meanBpm(), 1), s.topKey())));
            }
        }
        if (!analytics.plugins().isEmpty()) {
            b.append(String.format("%-40s %8s %8s %9s %9s  %s%n", "plugin", "uses", "failures", "mean ms", "p95 <= ms", "last failure"));
            analytics.plugins().forEach((id, p) -> b.append(String.format("%-40s %8d %8d %9s %9s  %s%n", id, p.uses,
                    p.failures, Format.number(p.meanMillis(), 1), Format.number(p.quantileMillis(0.95), 0), p.lastFailure)));
        }
        return b.toString();
    }
}
