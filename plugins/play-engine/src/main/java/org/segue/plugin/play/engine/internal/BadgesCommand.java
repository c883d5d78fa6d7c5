package org.segue.plugin.play.engine.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;

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
        String table = engine.read(v -> {
            if (v.badges().isEmpty()) {
                return "no badges installed: add a badge plugin (badge-core) to plugins/\n";
            }
            StringBuilder b = new StringBuilder(String.format("%-22s %-9s %-22s %s%n", "badge", "progress", "earned", "how"));
            int earned = 0;
            for (Badge badge : v.badges().values()) {
                BadgeProgress p = v.state().badge(badge.descriptor().id(), user);
                earned += p.earned() ? 1 : 0;
                b.append(String.format("%-22s %-9s %-22s %s%n", badge.descriptor().name(),
                        p.earned() ? "earned" : Math.round(p.fraction() * 100) + " %",
                        p.earned() ? p.earnedAt().toString() : "-", badge.descriptor().description()));
            }
            return b.append(earned).append(" of ").append(v.badges().size()).append(" badges earned by ")
                    .append(user).append('\n').toString();
        });
        ctx.out().print(table);
        return OK;
    }
}
