package org.segue.plugin.play.engine.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.PlayStatistics.ChallengeStanding;

/** {@code segue challenges [--user U]}: every installed challenge, when it runs and the user's standing. */
@Component
@SegueCommand(name = "challenges", summary = "Lists the challenges, when they run and your standing")
public class ChallengesCommand implements Command {
    static final String USAGE_TEXT = "usage: segue challenges [--user U]";

    @Reference
    PlayEngine engine;

    @Override
    public int run(CommandContext ctx) {
        Options o = Options.userOnly(ctx, "challenges", USAGE_TEXT);
        if (o == null) {
            return USAGE;
        }
        String user = o.user();
        String table = render(engine.statistics().challenges(user));
        ctx.out().print(table);
        return OK;
    }

    static String render(List<ChallengeStanding> challenges) {
        if (challenges.isEmpty()) {
            return "no challenges installed: add a challenge plugin (challenge-core) to plugins/\n";
        }
        int width = challenges.stream().mapToInt(c -> c.challenge().id().length()).max().orElse(2);
        String row = "%-" + width + "s %-20s %-20s %-7s %-9s %s%n";
        StringBuilder b = new StringBuilder(String.format(row, "id", "opens", "closes", "players", "you", "what"));
        for (ChallengeStanding c : challenges) {
            ChallengeDescriptor d = c.challenge();
            ChallengeProgress p = c.progress();
            b.append(String.format(row, d.id(), d.start(), d.end(), c.players(),
                    p.completed() ? "done " + Format.score(p.score()) : Format.score(p.score()),
                    d.name() + ": " + d.description()));
        }
        return b.toString();
    }
}
