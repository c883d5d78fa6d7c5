package org.segue.plugin.play.engine.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import java.util.List;

import org.segue.api.play.BadgeProgress;
import org.segue.api.play.PlayStatistics.BadgeStanding;

/** {@code segue badges [--user U]}: every installed badge, earned or how far along. */
@Component
@SegueCommand(name = "badges", summary = "Shows the badges installed and how far you are with each")
public class BadgesCommand implements Command {
    static final String USAGE_TEXT = "usage: segue badges [--user U]";

    @Reference
    PlayEngine engine;

    @Override
    public int run(CommandContext ctx) {
        Options o = Options.userOnly(ctx, "badges", USAGE_TEXT);
        if (o == null) {
            return USAGE;
        }
        String user = o.user();
        String table = render(user, engine.statistics().badges(user));
        ctx.out().print(table);
        return OK;
    }

    static String render(String user, List<BadgeStanding> badges) {
        if (badges.isEmpty()) {
            return "no badges installed: add a badge plugin (badge-core) to plugins/\n";
        }
        StringBuilder b = new StringBuilder(String.format("%-22s %-9s %-22s %s%n", "badge", "progress", "earned", "how"));
        int earned = 0;
        for (BadgeStanding s : badges) {
            BadgeProgress p = s.progress();
            earned += p.earned() ? 1 : 0;
            b.append(String.format("%-22s %-9s %-22s %s%n", s.badge().name(),
                    p.earned() ? "earned" : Math.round(p.fraction() * 100) + " %",
                    p.earned() ? p.earnedAt().toString() : "-", s.badge().description()));
        }
        return b.append(earned).append(" of ").append(badges.size()).append(" badges earned by ")
                .append(user).append('\n').toString();
    }
}
