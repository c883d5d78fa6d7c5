package org.segue.support.net;

import java.time.Duration;
import java.util.Optional;

/**
 * Which HTTP answers from a web service are worth waiting out, and for how long: shared by the
 * connectors, which must back off from rate limits rather than hammer or give up at once.
 */
public final class Retries {
    private static final Duration LONGEST_HINT = Duration.ofSeconds(30);

    private Retries() {
    }

    /** Rate limited (429) or a proxy/server that is briefly unavailable (502, 503, 504). */
    public static boolean isRetryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The pause the server asked for with {@code Retry-After} in seconds, capped; the fallback when
     * it gave none or an HTTP date (servers rarely send dates, and the fallback is safe).
     */
    public static Duration retryAfter(Optional<String> header, Duration fallback) {
        if (header.isPresent()) {
            try {
                long seconds = Long.parseLong(header.get().trim());
                if (seconds >= 0) {
                    Duration asked = Duration.ofSeconds(seconds);
                    return asked.compareTo(LONGEST_HINT) > 0 ? LONGEST_HINT : asked;
                }
            } catch (NumberFormatException e) {
                // an HTTP date: use the fallback
            }
        }
        return fallback;
    }
}
