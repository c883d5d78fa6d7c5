package org.segue.plugin.server.http.internal.web;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per key (a bearer token's hash, or a client address): {@code rate} requests a
 * second sustained, {@code burst} at once. Thread-safe; idle buckets are forgotten so that the map
 * cannot grow without bound.
 */
public final class RateLimiter {

    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }
    }

    private final double rate;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private long lastSweep;

    /**
     * @param rate sustained requests per second, more than 0
     * @param burst bucket size, at least 1
     * @param nanos the clock ({@link System#nanoTime} in the server, a fake in tests)
     */
    public RateLimiter(double rate, int burst, LongSupplier nanos) {
        if (rate <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1: " + rate + ", " + burst);
        }
        this.rate = rate;
        this.burst = burst;
        this.nanos = nanos;
        this.lastSweep = nanos.getAsLong();
    }

    /**
     * Takes one request from the key's bucket.
     *
     * @return 0 when allowed, else the whole seconds to wait before the next request can pass
     */
    public long acquire(String key) {
        long now = nanos.getAsLong();
        sweep(now);
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            // Threads read the clock before taking the lock, so one may arrive with an older time
            // than the last: never count time backwards (it would drain the bucket).
            long elapsed = Math.max(0, now - b.last);
            b.tokens = Math.min(burst, b.tokens + elapsed / 1e9 * rate);
            b.last = Math.max(b.last, now);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - b.tokens) / rate);
        }
    }

    private void sweep(long now) {
        if (now - lastSweep < IDLE_NANOS) {
            return;
        }
        lastSweep = now;
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            Bucket b = it.next();
            synchronized (b) {
                if (now - b.last > IDLE_NANOS) {
                    it.remove();
                }
            }
        }
    }
}
