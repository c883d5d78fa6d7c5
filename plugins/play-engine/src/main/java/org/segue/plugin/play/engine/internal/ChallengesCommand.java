package org.segue.plugin.play.engine.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.play.Challenge;
import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.ChallengeProgress;

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
        String table = engine.read(v -> {
            if (v.challenges().isEmpty()) {
                return "no challenges installed: add a challenge plugin (challenge-core) to plugins/\n";
            }
            int width = v.challenges().keySet().stream().mapToInt(String::length).max().orElse(2);
            String row = "%-" + width + "s %-20s %-20s %-7s %-9s %s%n";
            StringBuilder b = new StringBuilder(String.format(row, "id", "opens", "closes", "players", "you", "what"));
            for (Map.Entry<String, Challenge> c : v.challenges().entrySet()) {
                ChallengeDescriptor d = c.getValue().descriptor();
                ChallengeProgress p = v.state().challenge(d.id(), user);
                b.append(String.format(row, d.id(), d.start(), d.end(), v.state().challengeProgress(d.id()).size(),
                        p.completed() ? "done " + Format.score(p.score()) : Format.score(p.score()),
                        d.name() + ": " + d.description()));
            }
            return b.toString();
        });
        ctx.out().print(table);
        return OK;
    }
}
