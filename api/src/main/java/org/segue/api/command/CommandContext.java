package org.segue.api.command;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What one invocation of a {@link Command} gets from the kernel.
 *
 * <p>Implemented by the kernel (and by test kits); commands only call it. Thread-safe: a command
 * may write to {@link #out()} from worker threads.
 */
@ProviderType
public interface CommandContext {

    /** The arguments after the command name, in order, never {@code null}. */
    List<String> arguments();

    /** Standard output: results a user or a script reads (tables, JSON). */
    PrintStream out();

    /** Standard error: progress, warnings and error messages. */
    PrintStream err();

    /** Standard input. */
    InputStream in();

    /** The directory relative paths in {@link #arguments()} are resolved against. */
    Path workingDirectory();

    /** True when the user asked for detailed output ({@code --verbose}). */
    boolean verbose();

    /**
     * True once the user interrupted the process (Ctrl-C, SIGTERM) or the kernel is stopping;
     * long-running commands poll it and return promptly.
     */
    boolean cancelled();

    /**
     * Starts a progress display for long work (a bar on a terminal, periodic lines otherwise).
     *
     * @param task what is being done, e.g. {@code "Analysing"}
     * @param total the number of units of work, or {@code -1} when unknown
     * @return the progress to advance; closing it ends the display
     */
    Progress progress(String task, long total);
}
