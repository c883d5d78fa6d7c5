package org.segue.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;

/** The {@link CommandContext} of a command run from a terminal or a script. */
record TerminalContext(List<String> arguments, PrintStream out, PrintStream err, InputStream in,
        Path workingDirectory, boolean verbose, BooleanSupplier cancellation, boolean interactive)
        implements CommandContext {

    TerminalContext {
        arguments = List.copyOf(arguments);
    }

    @Override
    public boolean cancelled() {
        return cancellation.getAsBoolean();
    }

    @Override
    public Progress progress(String task, long total) {
        return new TerminalProgress(err, task, total, interactive);
    }
}
