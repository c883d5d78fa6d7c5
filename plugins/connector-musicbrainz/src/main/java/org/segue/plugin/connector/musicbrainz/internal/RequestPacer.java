package org.segue.plugin.connector.musicbrainz.internal;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces requests at least {@link #interval} apart, across all threads of one client: MusicBrainz
 * allows one request per second per client on average and answers 503 to everything from a client
 * that goes faster, so waiting here is cheaper than being refused there.
 *
 * <p>Each caller reserves the next free slot under the lock and sleeps outside it, so concurrent
 * callers queue in slot order without holding the lock while they wait.
 */
final class RequestPacer {
    /** Pauses; a seam so tests run on a fake clock. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration interval;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long nextSlot;
    private boolean first = true;

    RequestPacer(Duration interval, LongSupplier nanoClock, Sleeper sleeper) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must be >= 0: " + interval);
        }
        this.interval = interval;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** Waits for this caller's slot. */
    void acquire() throws InterruptedIOException {
        long wait;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            long start = first ? now : Math.max(now, nextSlot);
            first = false;
            nextSlot = start + interval.toNanos();
            wait = start - now;
        }
        pause(wait);
    }

    /** Keeps every later request at least {@code pause} away, when the service asked for a break. */
    synchronized void holdOff(Duration pause) {
        long until = nanoClock.getAsLong() + pause.toNanos();
        if (first || until > nextSlot) {
            nextSlot = until;
            first = false;
        }
    }

    private void pause(long nanos) throws InterruptedIOException {
        if (nanos <= 0) {
            return;
        }
        try {
            sleeper.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pacing requests to MusicBrainz");
        }
    }
}
