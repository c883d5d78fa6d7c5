package org.segue.plugin.cli.recommend.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;

/** A command context capturing output. */
final class TestContext implements CommandContext {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final List<String> arguments;
    private final Path directory;

    TestContext(Path directory, String... arguments) {
        this.directory = directory;
        this.arguments = List.of(arguments);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String errors() {
        return err.toString(StandardCharsets.UTF_8);
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
        return InputStream.nullInputStream();
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
        return false;
    }

    @Override
    public Progress progress(String task, long total) {
        return new Progress() {
            @Override
            public void advance(long units) {
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
