package org.segue.plugin.play.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The play commands' arguments: {@code --name value} options from a known set, and the rest in order. */
final class Options {

    static final String DEFAULT_USER = "default";

    final Map<String, String> options = new HashMap<>();
    final List<String> positional = new ArrayList<>();

    /** Parses; an unknown option or one without its value is an {@link IllegalArgumentException} naming it. */
    /**
     * The options of a command that takes only {@code --user}; on bad input prints the error and
     * the usage and returns null.
     */
    static Options userOnly(org.segue.api.command.CommandContext ctx, String command, String usage) {
        try {
            Options o = new Options(ctx.arguments(), Set.of("--user"));
            if (!o.positional.isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + o.positional.get(0));
            }
            return o;
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue " + command + ": " + e.getMessage() + "\n" + usage);
            return null;
        }
    }

    Options(List<String> arguments, Set<String> known) {
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.startsWith("--")) {
                if (!known.contains(a)) {
                    throw new IllegalArgumentException("unknown option " + a);
                }
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                options.put(a, arguments.get(++i));
            } else {
                positional.add(a);
            }
        }
    }

    String user() {
        return options.getOrDefault("--user", DEFAULT_USER);
    }

    int positiveInt(String option, int otherwise) {
        String v = options.get(option);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number from 1: " + v);
    }
}
