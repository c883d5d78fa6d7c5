package org.segue.kernel;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;

/**
 * Finds the {@link Command} service a command line names and runs it.
 *
 * <p>Command names may have several words ({@code bench startup}, {@code bench analyze}) so that
 * different bundles can contribute sub-commands of one verb; the longest name that matches the
 * first arguments wins.
 */
final class CommandDispatcher {

    /** A plugin command may appear a little after boot (its component waits for a service). */
    private static final long LATE_COMMAND_WAIT_MS = 2000;
    private static final int MAX_NAME_WORDS = 3;

    private final BundleContext context;
    private final ConsoleLog log;

    CommandDispatcher(BundleContext context, ConsoleLog log) {
        this.context = context;
        this.log = log;
    }

    /** A command found for a command line, with the arguments that follow its name. */
    record Match(ServiceReference<Command> reference, String name, List<String> arguments) {
    }

    /**
     * Runs the command named by the first arguments.
     *
     * @param contextFor makes the command's context from the arguments after the name
     * @return the exit code
     */
    int dispatch(List<String> commandLine, java.util.function.Function<List<String>, CommandContext> contextFor)
            throws InterruptedException {
        List<String> line = commandLine.isEmpty() ? List.of("help") : commandLine;
        Match match = find(line);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATE_COMMAND_WAIT_MS);
        while (match == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            match = find(line);
        }
        CommandContext ctx = contextFor.apply(match == null ? List.of() : match.arguments());
        if (match == null) {
            ctx.err().println("segue: unknown command '" + line.get(0) + "'; 'segue help' lists the commands");
            return Command.USAGE;
        }
        Command command = context.getService(match.reference());
        if (command == null) {
            ctx.err().println("segue: command '" + match.name() + "' went away before it could run");
            return Command.FAILURE;
        }
        try {
            return command.run(ctx);
        } catch (Exception | LinkageError e) {
            String bundle = match.reference().getBundle() == null ? "?" : match.reference().getBundle().getSymbolicName();
            log.error("command '" + match.name() + "' of " + bundle + " failed", e);
            return Command.FAILURE;
        } finally {
            try {
                context.ungetService(match.reference());
            } catch (IllegalStateException stopped) {
                // the framework is already stopping (Ctrl-C): nothing left to release
            }
        }
    }

    Match find(List<String> line) {
        for (int words = Math.min(MAX_NAME_WORDS, line.size()); words >= 1; words--) {
            String name = String.join(" ", line.subList(0, words));
            ServiceReference<Command> ref = lookup(name);
            if (ref != null) {
                return new Match(ref, name, List.copyOf(line.subList(words, line.size())));
            }
        }
        return null;
    }

    private ServiceReference<Command> lookup(String name) {
        try {
            Collection<ServiceReference<Command>> refs = context.getServiceReferences(Command.class,
                    "(" + Command.NAME + "=" + escape(name) + ")");
            // ServiceReference orders by ranking, then by age: the best is the greatest.
            return refs.stream().max(ServiceReference::compareTo).orElse(null);
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }

    /** Escapes the characters RFC 1960 filters reserve. */
    static String escape(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }
}
