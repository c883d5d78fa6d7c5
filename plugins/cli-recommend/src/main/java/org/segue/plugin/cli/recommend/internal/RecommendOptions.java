package org.segue.plugin.cli.recommend.internal;

import java.util.List;
import java.util.Set;

import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.support.recommend.ContextWords;

/**
 * The options of {@code segue recommend}.
 *
 * @param target the file or track id
 * @param user the user
 * @param context the listening context
 * @param limit how many
 * @param why whether to print explanations
 * @param strategy {@code similar}, {@code mix-next}, {@code context}, {@code preference}, {@code collaborative} or {@code hybrid}
 */
record RecommendOptions(String target, String user, ListeningContext context, int limit, boolean why, String strategy) {

    static final String DEFAULT_USER = "default";
    static final Set<String> STRATEGIES = Set.of("similar", "mix-next", "context", "preference", "collaborative", "hybrid");
    static final String USAGE = "usage: segue recommend <file or track id> [--user U] [--context evening,focus] "
            + "[--limit N] [--why] [--strategy similar|mix-next|context|preference|collaborative|hybrid]";

    /** @throws IllegalArgumentException with the reason, for the usage message */
    static RecommendOptions parse(List<String> args) {
        String target = null;
        String user = DEFAULT_USER;
        ListeningContext context = ListeningContext.any();
        int limit = 10;
        boolean why = false;
        String strategy = "hybrid";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--user" -> user = value(args, ++i, a);
                case "--context" -> context = context(value(args, ++i, a));
                case "--limit" -> limit = limit(value(args, ++i, a));
                case "--why" -> why = true;
                case "--strategy" -> {
                    strategy = value(args, ++i, a);
                    if (!STRATEGIES.contains(strategy)) {
                        throw new IllegalArgumentException("unknown strategy '" + strategy + "'");
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    if (target != null) {
                        throw new IllegalArgumentException("name one file or track id");
                    }
                    target = a;
                }
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("name a file or track id");
        }
        return new RecommendOptions(target, user, context, limit, why, strategy);
    }

    static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        String v = args.get(i);
        if (v.isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return v;
    }

    private static int limit(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= RecommendationRequest.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--limit must be 1.." + RecommendationRequest.MAX_LIMIT + ": " + v);
    }

    /** Context words, as the server takes them too ({@link ContextWords}). */
    static ListeningContext context(String spec) {
        return ContextWords.parse(spec);
    }
}
