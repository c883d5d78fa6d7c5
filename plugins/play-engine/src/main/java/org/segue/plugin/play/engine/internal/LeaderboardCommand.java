package org.segue.plugin.play.engine.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * {@code segue leaderboard <challenge id|global> [--page N] [--size N]} shows a page of a ranking;
 * {@code segue leaderboard join <pseudonym> [--user U]} and {@code leave [--user U]} opt in and out
 * (nobody is on a board until they join, and only under the pseudonym).
 */
@Component
@SegueCommand(name = "leaderboard", summary = "Shows a challenge's or the global ranking; join or leave under a pseudonym")
public class LeaderboardCommand implements Command {
    static final String USAGE_TEXT = "usage: segue leaderboard <challenge id|global> [--page N] [--size N]\n"
            + "       segue leaderboard join <pseudonym> [--user U]\n"
            + "       segue leaderboard leave [--user U]";

    @Reference
    PlayEngine engine;
    Clock clock = Clock.systemUTC();

    @Override
    public int run(CommandContext ctx) {
        Options o;
        try {
            o = new Options(ctx.arguments(), Set.of("--user", "--page", "--size"));
            if (o.positional.isEmpty()) {
                throw new IllegalArgumentException("name a challenge (see segue challenges) or global");
            }
            String first = o.positional.get(0);
            if (first.equals("join") || first.equals("leave")) {
                return optIn(ctx, o, first.equals("join"));
            }
            if (o.positional.size() > 1) {
                throw new IllegalArgumentException("unexpected argument " + o.positional.get(1));
            }
            int size = o.positiveInt("--size", 10);
            if (size > Queries.MAX_PAGE) {
                throw new IllegalArgumentException("--size must be at most " + Queries.MAX_PAGE + ": " + size);
            }
            return show(ctx, first, o.positiveInt("--page", 1), size);
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue leaderboard: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
    }

    private int show(CommandContext ctx, String id, int page, int size) {
        PlayStatistics.LeaderboardPage rows;
        try {
            rows = engine.statistics().leaderboard(id, (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * size), size);
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue leaderboard: " + e.getMessage() + " (see segue challenges)");
            return FAILURE;
        }
        int pages = Math.max(1, (rows.total() + size - 1) / size);
        StringBuilder b = new StringBuilder(String.format("%-6s %-24s %s%n", "rank", "name", "score"));
        for (PlayStatistics.LeaderboardEntry r : rows.entries()) {
            b.append(String.format("%-6d %-24s %s%n", r.rank(), r.pseudonym(), Format.score(r.score())));
        }
        b.append("page ").append(page).append(" of ").append(pages).append(", ")
                .append(rows.total()).append(" players who joined the leaderboards\n");
        ctx.out().print(b);
        return OK;
    }

    private int optIn(CommandContext ctx, Options o, boolean join) {
        if (join && o.positional.size() != 2 || !join && o.positional.size() != 1) {
            throw new IllegalArgumentException(join ? "join takes one pseudonym" : "leave takes no argument");
        }
        UserEvent e = join
                ? new UserEvent(o.user(), UserEventTypes.LEADERBOARD_JOINED, clock.instant(),
                        Map.of(UserEventTypes.PSEUDONYM, o.positional.get(1)))
                : new UserEvent(o.user(), UserEventTypes.LEADERBOARD_LEFT, clock.instant(), Map.of());
        RecordResult r = engine.record(e);
        if (r.status() == RecordResult.Status.REJECTED) {
            ctx.err().println("segue leaderboard: " + r.reason());
            return FAILURE;
        }
        ctx.out().println(join ? o.user() + " is on the leaderboards as " + o.positional.get(1)
                : o.user() + " has left the leaderboards");
        return OK;
    }
}
