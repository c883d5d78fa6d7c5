package org.segue.plugin.cli.recommend.internal;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;

/**
 * {@code segue eval recommend [--users N] [--seed S] [--tracks N]}: compares the recommendation
 * strategies on a {@link Simulation} (synthetic catalogue, simulated listeners), side by side.
 */
@Component
@SegueCommand(name = "eval recommend", summary = "Compares recommendation strategies on simulated listeners")
public class EvalCommand implements Command {
    static final String USAGE_TEXT = "usage: segue eval recommend [--users N] [--seed S] [--tracks N]";

    @Override
    public int run(CommandContext ctx) {
        int users = 50;
        long seed = 42;
        int tracks = 1000;
        List<String> args = ctx.arguments();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--users" -> users = number(RecommendOptions.value(args, ++i, a), a, 1, 10_000);
                    case "--tracks" -> tracks = number(RecommendOptions.value(args, ++i, a), a, 100, 1000);
                    case "--seed" -> {
                        String v = RecommendOptions.value(args, ++i, a);
                        try {
                            seed = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seed must be an integer: " + v);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue eval recommend: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        ctx.out().printf(Locale.ROOT, "SIMULATION, not real listening data: %d synthetic tracks (features only), "
                + "%d simulated listeners in %d hidden taste groups, 3 sessions each, seed %d.%n", tracks, users,
                Simulation.GROUPS, seed);
        List<Simulation.Row> rows = new Simulation(seed, tracks).run(users);
        print(ctx, rows);
        return OK;
    }

    static void print(CommandContext ctx, List<Simulation.Row> rows) {
        ctx.out().printf(Locale.ROOT, "%-14s %12s %8s %9s%n", "strategy", "precision@10", "NDCG@10", "coverage");
        for (Simulation.Row r : rows) {
            ctx.out().printf(Locale.ROOT, "%-14s %12.3f %8.3f %8.1f%%%n", r.strategy(), r.precision(), r.ndcg(),
                    100 * r.coverage());
        }
    }

    private static int number(String v, String option, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be " + min + ".." + max + ": " + v);
    }
}
