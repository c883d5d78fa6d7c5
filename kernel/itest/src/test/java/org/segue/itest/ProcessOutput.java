package org.segue.itest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a long-running child (a {@code segue serve}): reads its standard output and error on
 * daemon threads, so neither pipe can fill and block it, and waits for a line with a deadline. A
 * child that is still silent at the deadline is asked for a thread dump (SIGQUIT, which a JVM
 * answers on its standard output without stopping) so the failure shows where it hung, not just
 * that it did.
 */
final class ProcessOutput {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder err = new StringBuilder();
    private boolean ended;

    private ProcessOutput(Process process) {
        this.process = process;
    }

    static ProcessOutput follow(Process process) {
        ProcessOutput o = new ProcessOutput(process);
        o.reader("stdout", process.getInputStream(), true);
        o.reader("stderr", process.getErrorStream(), false);
        return o;
    }

    private void reader(String name, InputStream stream, boolean out) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (this) {
                        if (out) {
                            lines.add(line);
                        } else {
                            err.append(line).append('\n');
                        }
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                if (out) {
                    synchronized (this) {
                        ended = true;
                        notifyAll();
                    }
                }
            }
        }, "follow " + process.pid() + " " + name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits for the first line of standard output matching {@code pattern}, from the start.
     *
     * @throws AssertionError when the child ends first or stays silent past {@code timeout}, with
     *         all it printed (and its thread dump in the second case)
     */
    Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (String line : lines) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended) {
                    throw new AssertionError("the child ended before printing /" + pattern + "/:\n" + printed());
                }
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        threadDump();
        synchronized (this) {
            throw new AssertionError("no /" + pattern + "/ within " + timeout.toSeconds() + " s; the child's threads "
                    + "and output:\n" + printed());
        }
    }

    /** The first line of standard output so far matching {@code pattern}, or {@code null}. */
    synchronized Matcher find(Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    @Override
    public synchronized String toString() {
        return printed();
    }

    /** A JVM prints its threads to standard output on SIGQUIT and goes on; give it a moment. */
    private void threadDump() throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            return;
        }
        Thread.sleep(2000);
    }

    private String printed() {
        return String.join("\n", lines) + "\n--- standard error:\n" + err;
    }
}
