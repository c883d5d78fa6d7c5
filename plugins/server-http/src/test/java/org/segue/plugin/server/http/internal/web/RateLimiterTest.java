package org.segue.plugin.server.http.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.segue.plugin.server.http.internal.auth.LoginThrottle;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstPassesThenTheSustainedRate() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(2, 5, now::get);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.acquire("a"), "request " + i + " of the burst");
        }
        long wait = limiter.acquire("a");
        assertEquals(1, wait, "one token comes back after half a second, rounded up to whole seconds");
        assertEquals(0, limiter.acquire("b"), "keys have their own buckets");
        now.addAndGet(SECOND); // 2 tokens back
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertTrue(limiter.acquire("a") > 0);
        now.addAndGet(100 * SECOND);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.acquire("a"), "refilled to the burst, never beyond");
        }
        assertTrue(limiter.acquire("a") > 0);
    }

    @Test
    void aClockReadingOlderThanTheLastNeverDrainsTheBucket() {
        AtomicLong now = new AtomicLong(10 * SECOND);
        RateLimiter limiter = new RateLimiter(1_000_000, 1_000_000, now::get);
        assertEquals(0, limiter.acquire("a"));
        now.addAndGet(-SECOND); // a thread that read the clock earlier gets the lock later
        assertEquals(0, limiter.acquire("a"), "a second backwards at a million a second would have been -1e6 tokens");
    }

    @Test
    void loginThrottleAllowsNAttemptsPerWindowAndSaysWhenToRetry() {
        AtomicLong now = new AtomicLong(0);
        LoginThrottle t = new LoginThrottle(5, 60 * SECOND, now::get);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, t.blocked("alice"));
            t.failed("alice");
            now.addAndGet(SECOND);
        }
        assertEquals(55, t.blocked("alice"), "the first failure leaves the window at 60 s; it is 5 s now");
        assertEquals(0, t.blocked("bob"));
        now.set(60 * SECOND);
        assertEquals(0, t.blocked("alice"), "the oldest failure left the window");
        t.failed("alice");
        assertEquals(1, t.blocked("alice"), "five failures in the window again; the oldest leaves in 1 s");
        t.reset("alice");
        assertEquals(0, t.blocked("alice"));
    }
}
