package org.segue.plugin.play.engine.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
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
            return show(ctx, first, o.positiveInt("--page", 1), o.positiveInt("--size", 10));
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue leaderboard: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
    }

    private int show(CommandContext ctx, String id, int page, int size) {
        String text = engine.read(v -> {
            if (!id.equals(PlayState.GLOBAL) && !v.challenges().containsKey(id)) {
                return null;
            }
            Leaderboard board = v.state().board(id);
            List<Leaderboard.Row> rows = board.page(page, size, v.state().pseudonyms());
            int pages = Math.max(1, (board.size() + size - 1) / size);
            StringBuilder b = new StringBuilder(String.format("%-6s %-24s %s%n", "rank", "name", "score"));
            for (Leaderboard.Row r : rows) {
                b.append(String.format("%-6d %-24s %s%n", r.rank(), r.name(), Format.score(r.score())));
            }
            return b.append("page ").append(page).append(" of ").append(pages).append(", ")
                    .append(board.size()).append(" players who joined the leaderboards\n").toString();
        });
        if (text == null) {
            ctx.err().println("segue leaderboard: no challenge " + id + " is installed (see segue challenges)");
            return FAILURE;
        }
        ctx.out().print(text);
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
