package org.segue.kernel;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;

/**
 * The one place Segue's log reaches the console: the kernel's own messages and, as a
 * {@link LogListener} on the OSGi Log Service, every bundle's.
 *
 * <p>Quiet by default (warnings and errors only); {@code --verbose} shows everything down to debug.
 * Thread-safe: lines are printed whole.
 */
final class ConsoleLog implements LogListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final LogLevel threshold;

    ConsoleLog(PrintStream out, boolean verbose) {
        this.out = out;
        this.threshold = verbose ? LogLevel.DEBUG : LogLevel.WARN;
    }

    boolean verbose() {
        return threshold == LogLevel.DEBUG;
    }

    void error(String message, Throwable cause) {
        print(LogLevel.ERROR, "kernel", message, cause);
    }

    void warn(String message) {
        print(LogLevel.WARN, "kernel", message, null);
    }

    void info(String message) {
        print(LogLevel.INFO, "kernel", message, null);
    }

    void debug(String message) {
        print(LogLevel.DEBUG, "kernel", message, null);
    }

    @Override
    public void logged(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String source = bundle == null ? entry.getLoggerName() : bundle.getSymbolicName();
        print(entry.getLogLevel(), source, entry.getMessage(), entry.getException());
    }

    void print(LogLevel level, String source, String message, Throwable cause) {
        if (!threshold.implies(level)) {
            return;
        }
        StringBuilder line = new StringBuilder(128)
                .append(LocalTime.now().format(TIME)).append(' ')
                .append(level).append(" [").append(source).append("] ").append(message);
        if (cause != null) {
            // The cause chain in one line is what a user needs; the stack trace is for --verbose.
            for (Throwable t = cause; t != null; t = t.getCause()) {
                line.append(": ").append(t);
                if (t.getCause() == t) {
                    break;
                }
            }
        }
        synchronized (out) {
            out.println(line);
            if (cause != null && verbose()) {
                cause.printStackTrace(out);
            }
        }
    }
}
