package org.segue.api.testkit;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;

/**
 * A {@link CommandContext} for testing a {@code Command}: captures what it prints, counts the
 * progress it reports, and can be cancelled as Ctrl-C would.
 */
public final class CapturedCommandContext implements CommandContext {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final AtomicLong progressed = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<String> arguments;
    private final Path directory;
    private volatile InputStream input = InputStream.nullInputStream();

    /** A context in {@code directory} with the given arguments after the command name. */
    public CapturedCommandContext(Path directory, String... arguments) {
        this.directory = directory;
        this.arguments = List.of(arguments);
    }

    /** Gives the command {@code text} (UTF-8) on standard input, as a user typing it would; returns this. */
    public CapturedCommandContext input(String text) {
        this.input = new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** What the command printed on standard output. */
    public String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the command printed on standard error. */
    public String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The units of progress the command reported. */
    public long progressed() {
        return progressed.get();
    }

    /** Makes {@link #cancelled()} true, as Ctrl-C does. */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public List<String> arguments() {
        return arguments;
    }

    @Override
    public PrintStream out() {
        return outStream;
    }

    @Override
    public PrintStream err() {
        return errStream;
    }

    @Override
    public InputStream in() {
        return input;
    }

    @Override
    public Path workingDirectory() {
        return directory;
    }

    @Override
    public boolean verbose() {
        return false;
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }

    @Override
    public Progress progress(String task, long total) {
        return new Progress() {
            @Override
            public void advance(long units) {
                progressed.addAndGet(units);
            }

            @Override
            public void status(String text) {
            }

            @Override
            public void close() {
            }
        };
    }
}
