package org.segue.kernel;

import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;

/** {@code segue help}: the commands every running bundle contributes, with their summaries. */
final class HelpCommand implements Command {

    private final BundleContext context;

    HelpCommand(BundleContext context) {
        this.context = context;
    }

    @Override
    public int run(CommandContext ctx) throws InvalidSyntaxException {
        ctx.out().println("usage: segue [--verbose] [--home <dir>] <command> [arguments]");
        ctx.out().println();
        ctx.out().println("commands:");
        for (Map.Entry<String, String> e : commands(context).entrySet()) {
            ctx.out().printf("  %-18s %s%n", e.getKey(), e.getValue());
        }
        return OK;
    }

    /** Command names with their summaries, sorted by name. */
    static Map<String, String> commands(BundleContext context) throws InvalidSyntaxException {
        Map<String, String> commands = new TreeMap<>();
        for (ServiceReference<Command> ref : context.getServiceReferences(Command.class, null)) {
            Object name = ref.getProperty(Command.NAME);
            Object summary = ref.getProperty(Command.SUMMARY);
            if (name instanceof String n) {
                commands.putIfAbsent(n, summary instanceof String s ? s : "");
            }
        }
        return commands;
    }
}
