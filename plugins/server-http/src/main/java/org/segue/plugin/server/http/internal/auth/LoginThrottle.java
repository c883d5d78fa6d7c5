package org.segue.plugin.server.http.internal.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code attempts} failed login attempts per window for one key (then every attempt waits,
 * right password or not); the server keeps one throttle
 * keyed by user name and one by client address, so neither guessing one account's password from
 * many addresses nor many accounts from one address goes fast. Thread-safe.
 */
public final class LoginThrottle {

    private final int attempts;
    private final long windowNanos;
    private final LongSupplier nanos;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public LoginThrottle(int attempts, long windowNanos, LongSupplier nanos) {
        if (attempts < 1 || windowNanos <= 0) {
            throw new IllegalArgumentException("attempts must be >= 1 and the window positive");
        }
        this.attempts = attempts;
        this.windowNanos = windowNanos;
        this.nanos = nanos;
    }

    /**
     * Whether {@code key} may try now.
     *
     * @return 0 when it may, else the seconds until the oldest failure leaves the window
     */
    public long blocked(String key) {
        long now = nanos.getAsLong();
        Deque<Long> times = recent.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            expire(times, now);
            if (times.size() < attempts) {
                return 0;
            }
            long wait = windowNanos - (now - times.peekFirst());
            return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        }
    }

    /** Records a failed attempt for {@code key}. */
    public void failed(String key) {
        long now = nanos.getAsLong();
        if (recent.size() > 100_000) {
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || now - e.getValue().peekLast() > windowNanos;
                }
            });
        }
        Deque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
        }
    }

    private void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.pollFirst();
        }
    }

    /** Forgets a key's attempts after a successful login. */
    public void reset(String key) {
        recent.remove(key);
    }
}
