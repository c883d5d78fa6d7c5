package org.segue.kernel;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.segue.api.command.Progress;

/**
 * A progress bar on standard error. On a terminal it redraws one line at most ten times a second;
 * when output goes to a file or a CI log it prints a plain line every ten percent instead, so logs
 * stay readable.
 */
final class TerminalProgress implements Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PrintStream err;
    private final String task;
    private final long total;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile String status = "";
    private long lastDraw;
    private int lastDecile;
    private boolean closed;

    TerminalProgress(PrintStream err, String task, long total, boolean interactive) {
        this.err = err;
        this.task = task;
        this.total = total;
        this.interactive = interactive;
    }

    @Override
    public void advance(long units) {
        done.addAndGet(units);
        draw(false);
    }

    @Override
    public void status(String text) {
        status = text == null ? "" : text;
        draw(false);
    }

    @Override
    public void close() {
        draw(true);
    }

    private synchronized void draw(boolean last) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        long d = done.get();
        if (interactive) {
            if (!last && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            err.print("\r" + line(d, now) + "\u001b[K");
            if (last) {
                err.println();
            }
        } else {
            int decile = total > 0 ? (int) Math.min(10, d * 10 / total) : -1;
            if (decile > lastDecile || (last && (decile < 0 || decile != lastDecile))) {
                lastDecile = decile;
                err.println(line(d, now));
            }
        }
        closed = last;
    }

    String line(long d, long now) {
        double seconds = (now - started) / 1e9;
        StringBuilder s = new StringBuilder(task).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, d * WIDTH / total);
            s.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(String.format("%3d%% %d/%d", d * 100 / total, d, total));
        } else {
            s.append(d);
        }
        s.append(String.format(" %.1fs", seconds));
        if (!status.isEmpty()) {
            s.append(' ').append(status);
        }
        return s.toString();
    }
}
